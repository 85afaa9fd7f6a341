using System.IO.Compression;
using System.Xml.Linq;
using Cebu.Core.Features.Cases;

namespace Cebu.Core.Tests.Cases;

/// <summary>
/// Every HTCDS code and label in <see cref="Htcds"/> matches the standard's own files: the field table (ODS) and the
/// XLSForm. They are read from ../shared/reference/htcds when present, else from the copies in Data/htcds (with their
/// licence and source), so that a clean clone tests itself; when both exist the copies must be identical.
/// </summary>
public class HtcdsVocabularyTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string CopyDir = Path.Combine(RepoRoot, "tests", "Cebu.Core.Tests", "Data", "htcds");
    private static readonly string SharedDir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference", "htcds"));
    private const string Ods = "htcds-field-standards-2.0.ods";
    private const string XlsForm = "htcds_xlsform.xml";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cebu.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"No Cebu.slnx above {AppContext.BaseDirectory}: cannot find the repository root.");
        return dir!.FullName;
    }

    /// <summary>
    /// The sources to check: the shared reference when present, and always the repository's copy (what a clean clone
    /// has). The copies must also be byte-identical to the shared files (see the last test).
    /// </summary>
    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        if (File.Exists(Path.Combine(SharedDir, Ods)) && File.Exists(Path.Combine(SharedDir, XlsForm))) data.Add("shared");
        data.Add("copy");
        return data;
    }

    private static string Reference(string source, string name)
    {
        var path = Path.Combine(source == "shared" ? SharedDir : CopyDir, name);
        Assert.True(File.Exists(path), $"The HTCDS file {name} is missing: expected at {path}.");
        return path;
    }

    /// <summary>The ODS field table: "Field Name including Prefix" → (value names, value labels).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, (List<string> Names, List<string> Labels)>> Tables = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, List<(string Value, string Label)>>> Forms = new();

    private static Dictionary<string, (List<string> Names, List<string> Labels)> Table(string source) => Tables.GetOrAdd(source, ReadTable);
    private static Dictionary<string, List<(string Value, string Label)>> Form(string source) => Forms.GetOrAdd(source, ReadForm);

    private static Dictionary<string, (List<string> Names, List<string> Labels)> ReadTable(string source)
    {
        XNamespace table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0", text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        using var zip = ZipFile.OpenRead(Reference(source, Ods));
        using var stream = zip.GetEntry("content.xml")!.Open();
        var doc = XDocument.Load(stream);
        var rows = doc.Descendants(table + "table-row").Select(row => row.Elements(table + "table-cell").SelectMany(cell =>
        {
            var repeat = Math.Min(int.Parse((string?)cell.Attribute(table + "number-columns-repeated") ?? "1"), 30);
            var paragraphs = cell.Elements(text + "p").Select(p => string.Concat(p.DescendantNodes().OfType<XText>().Select(t => t.Value))).ToList();
            return Enumerable.Repeat(paragraphs, repeat);
        }).ToList()).ToList();
        var header = rows.First(r => r.Any(c => c.FirstOrDefault() == "Field Name including Prefix"));
        int Col(string name) => header.FindIndex(c => c.FirstOrDefault() == name);
        int field = Col("Field Name including Prefix"), names = Col("Value Names (if picklist)"), labels = Col("Value Labels (if picklist)");
        Assert.True(field >= 0 && names >= 0 && labels >= 0, "The ODS header lacks the expected columns.");
        List<string> Values(List<List<string>> r, int i) => i < r.Count ? r[i].Select(v => v.Trim()).Where(v => v.Length > 0).ToList() : [];
        return rows.Where(r => r.Count > field && r[field].Count == 1 && r[field][0].Contains('_'))
            .ToDictionary(r => r[field][0].Trim(), r => (Values(r, names), Values(r, labels)));
    }

    /// <summary>The XLSForm's choice lists: control ref (e.g. /data/cas_Status) → (value, label) pairs.</summary>
    private static Dictionary<string, List<(string Value, string Label)>> ReadForm(string source)
    {
        XNamespace xf = "http://www.w3.org/2002/xforms";
        var doc = XDocument.Load(Reference(source, XlsForm));
        return doc.Descendants().Where(e => e.Name == xf + "select" || e.Name == xf + "select1")
            .ToDictionary(e => (string)e.Attribute("ref")!, e => e.Elements(xf + "item")
                .Select(i => ((string)i.Element(xf + "value")!, (string)i.Element(xf + "label")!)).ToList());
    }

    private static void AssertMatchesTable<T>(string source, Picklist<T> list, string? field = null) where T : struct, Enum
    {
        field ??= list.Field;
        Assert.True(Table(source).TryGetValue(field, out var row), $"{field} is not in the HTCDS field table.");
        var standard = list.Values.Where(v => !v.CebuExtension).ToList();
        Assert.Equal(row.Names, standard.Select(v => v.Code).ToList());
        Assert.Equal(row.Labels, standard.Select(v => v.Label).ToList());
    }

    private static void AssertMatchesForm<T>(string source, Picklist<T> list, string formRef) where T : struct, Enum
    {
        Assert.True(Form(source).TryGetValue(formRef, out var items), $"{formRef} is not in the HTCDS XLSForm.");
        Assert.Equal(items, list.Values.Where(v => !v.CebuExtension).Select(v => (v.Code, v.Label)).ToList());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Case_status_matches_the_standard(string source)
    {
        AssertMatchesTable(source, Htcds.CaseStatus);
        AssertMatchesForm(source, Htcds.CaseStatus, "/data/cas_Status");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Trafficking_status_and_its_decision_maker_match_the_standard(string source)
    {
        AssertMatchesTable(source, Htcds.TraffickingStatuses);
        AssertMatchesForm(source, Htcds.TraffickingStatuses, "/data/vic_TraffickingStatus");
        AssertMatchesTable(source, Htcds.TraffickingStatusDecisionMakers);
        AssertMatchesForm(source, Htcds.TraffickingStatusDecisionMakers, "/data/vic_TraffickingStatusDecisionMakingOrg");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Methods_of_control_match_the_standard(string source)
    {
        AssertMatchesTable(source, Htcds.MethodsOfControl);
        AssertMatchesForm(source, Htcds.MethodsOfControl, "/data/vic_Methods_of_Control"); // the form's ref differs from the field name
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Exploitation_types_and_forced_labour_industries_match_the_standard(string source)
    {
        AssertMatchesTable(source, Htcds.ExploitationTypes);
        AssertMatchesForm(source, Htcds.ExploitationTypes, "/data/vic_TypeOfExploitation");
        AssertMatchesTable(source, Htcds.ForcedLabourIndustries);
        AssertMatchesForm(source, Htcds.ForcedLabourIndustries, "/data/vic_ForcedLabourIndustry");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Referral_reasons_support_types_and_organisation_types_match_the_standard(string source)
    {
        AssertMatchesTable(source, Htcds.ReferralReasons, HtcdsFields.ReasonForOutgoingReferral);
        AssertMatchesTable(source, Htcds.ReferralReasons, HtcdsFields.ReasonForIncomingReferral);
        AssertMatchesTable(source, Htcds.SupportTypes);
        AssertMatchesTable(source, Htcds.OrganisationTypes);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_htcds_field_name_is_in_the_standard_and_every_cebu_field_is_not(string source)
    {
        foreach (var field in HtcdsFields.All)
        {
            if (HtcdsFields.IsCebuExtension(field)) Assert.False(Table(source).ContainsKey(field), $"{field} is marked as a Cebu extension but is in HTCDS.");
            else Assert.True(Table(source).ContainsKey(field), $"{field} is not an HTCDS 2.0 field name.");
        }
        Assert.Contains(HtcdsFields.All, HtcdsFields.IsCebuExtension);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Labour_extensions_are_marked_as_cebu_and_use_no_htcds_field(string source)
    {
        foreach (var (list, field) in new[] { (Htcds.LabourIssues.Values, Htcds.LabourIssues.Field), (Htcds.ReferralServices.Values, Htcds.ReferralServices.Field) })
        {
            Assert.All(list, v => Assert.True(v.CebuExtension, $"{v.Code} should be marked as a Cebu extension."));
            Assert.StartsWith("cebu_", field);
            Assert.False(Table(source).ContainsKey(field));
        }
        Assert.Contains("Cebu extension", Htcds.LabourIssues.Source);
        Assert.Equal(["UnpaidWages", "ContractViolation", "WithheldDocuments", "RecruitmentFees"], Htcds.LabourIssues.Values.Select(v => v.Code));
        Assert.All(new[] { Htcds.CaseStatus.Values, Htcds.MethodsOfControl.Values, Htcds.ExploitationTypes.Values }.SelectMany(v => v), v => Assert.False(v.CebuExtension));
    }

    [Fact]
    public void Codes_parse_back_exactly_and_reject_unknown_or_differently_cased_codes()
    {
        Assert.True(Htcds.MethodsOfControl.TryParse("WithholdsDocuments", out var m));
        Assert.Equal(MethodOfControl.WithholdsDocuments, m);
        Assert.False(Htcds.MethodsOfControl.TryParse("withholdsdocuments", out _));
        Assert.False(Htcds.CaseStatus.TryParse("Open", out _));
        Assert.False(Htcds.CaseStatus.TryParse(null, out _));
        Assert.Equal("Closed Referred", Htcds.CaseStatus.Label(HtcdsCaseStatus.ClosedReferred));
    }

    [Fact]
    public void The_repository_copies_are_identical_to_the_shared_reference_when_it_is_present()
    {
        foreach (var name in new[] { Ods, XlsForm, "LICENSE.md" })
        {
            var copy = Path.Combine(CopyDir, name);
            Assert.True(File.Exists(copy), $"{copy} is missing: a clean clone could not check the vocabulary.");
            var shared = Path.Combine(SharedDir, name);
            if (File.Exists(shared)) Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(copy));
        }
        Assert.Contains("CC BY 4.0", File.ReadAllText(Path.Combine(CopyDir, "LICENSE.md")));
        Assert.Contains("3c2f6537cd76c3305975aa5eef7a1bf26fe20a30", File.ReadAllText(Path.Combine(CopyDir, "SOURCE.md")));
    }

    [Fact]
    public void Workflow_states_map_onto_htcds_case_status()
    {
        Assert.Equal(HtcdsCaseStatus.Active, Htcds.StatusOf(CaseState.New));
        Assert.Equal(HtcdsCaseStatus.Active, Htcds.StatusOf(CaseState.Referred));
        Assert.Equal(HtcdsCaseStatus.Active, Htcds.StatusOf(CaseState.Reopened));
        Assert.Equal(HtcdsCaseStatus.FollowUp, Htcds.StatusOf(CaseState.Resolved));
        Assert.Equal(HtcdsCaseStatus.Closed, Htcds.StatusOf(CaseState.Closed, CaseResolution.Resolved));
        Assert.Equal(HtcdsCaseStatus.ClosedReferred, Htcds.StatusOf(CaseState.Closed, CaseResolution.ReferredElsewhere));
    }
}
