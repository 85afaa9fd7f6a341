using System.Text;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Csv;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Cebu.Web.Pages.Workers;

/// <summary>
/// Upload a CSV of workers: check it (every rejected row with its line, column, and how to fix it), then import it
/// whole or not at all, with the same use case as `cebu workers import`. A checked file is kept in the page, so
/// that importing it needs no second upload.
/// </summary>
// Files somewhat over the limit still reach the page, which says what to do; the import itself takes at most CsvUpload.MaxBytes.
[RequestSizeLimit(CsvUpload.MaxBytes * 5)]
[RequestFormLimits(MultipartBodyLengthLimit = CsvUpload.MaxBytes * 5)]
public sealed class ImportModel(ImportWorkers import, IAccessContext who) : CsvImportPageModel
{
    /// <summary>What each column holds, and whether a row needs it.</summary>
    public static readonly IReadOnlyList<(string Column, bool Required, string Help)> ColumnHelp =
    [
        ("family_name", true, "Family name as in the passport."),
        ("given_names", false, "Given names as in the passport."),
        ("name_local", false, "The name in the local script, e.g. Khmer."),
        ("sex", true, "F (female), M (male) or X (unspecified)."),
        ("date_of_birth", true, "YYYY-MM-DD."),
        ("place_of_birth", false, "Village, district or city."),
        ("nationality", true, "ISO 3166-1 alpha-2 code, e.g. KH."),
        ("national_id", false, "National ID card number."),
        ("passport_number", false, "Once per file, and not already registered in your state."),
        ("passport_expiry", false, "YYYY-MM-DD."),
        ("ci_number", false, "Certificate of Identity number."),
        ("phone", false, "With the country code, e.g. +855 12 345 678."),
        ("email", false, "name@example.com."),
        ("address_home", false, "Address at home."),
        ("next_of_kin", false, "Name of the next of kin."),
        ("next_of_kin_relationship", false, "e.g. mother."),
        ("next_of_kin_phone", false, "Phone of the next of kin."),
        ("languages", false, "ISO 639 codes separated by ';', e.g. km;th."),
        ("destination", false, "ISO code of the destination country, e.g. TH."),
        ("sector", false, "One of " + string.Join(", ", Cebu.Core.Platform.Reference.Sectors.All) + "."),
    ];

    public string? State => who.State;

    /// <summary>A file with the header line and one fictional example row.</summary>
    public IActionResult OnGetTemplate()
    {
        var w = new StringWriter();
        Csv.WriteRow(w, ImportWorkers.Columns);
        Csv.WriteRow(w, ["DEMO-EXAMPLE", "SOKHA", "", "F", "1995-04-12", "Example Village, Prey Veng", who.State ?? "KH", "", "DEMO0000001", "2032-06-30", "",
            "+855 12 000 000", "", "1 Example Street", "Example Kin", "mother", "+855 12 000 001", "km;th", "TH", "manufacturing"]);
        return File(new UTF8Encoding(false).GetBytes(w.ToString()), "text/csv; charset=utf-8", "workers-template.csv");
    }

    protected override string TooLargeMessage =>
        $"The file is larger than {CsvUpload.MaxBytes / 1024 / 1024} MB: split it into files of at most {CsvUpload.MaxBytes / 1024 / 1024} MB and import each, or use the command line (cebu workers import).";

    /// <summary>Only a file whose every row is valid is kept: the import registers every row or none.</summary>
    protected override bool KeepForImport(ImportReport check) => check.Rows > 0 && check.Rejected.Count == 0;

    protected override Task<Outcome<ImportReport>> Import(TextReader csv, bool dryRun, CancellationToken ct) =>
        import.Handle(csv, dryRun, null, ct);
}
