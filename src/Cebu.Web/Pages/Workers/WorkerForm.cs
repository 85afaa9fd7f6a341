using System.Globalization;
using Cebu.Core.Features.Documents;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Reference;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cebu.Web.Pages.Workers;

/// <summary>What the register and edit pages share: the worker's identity and contacts, and the MRZ an officer may paste to fill them.</summary>
public interface IWorkerForm
{
    WorkerInput Input { get; set; }
    string? Languages { get; set; }
    string? Mrz { get; set; }
    MrzResult? MrzRead { get; }
    string? State { get; }
}

public static class WorkerInputs
{
    /// <summary>The form's values for a worker's current record.</summary>
    public static WorkerInput From(Worker w) => new()
    {
        FamilyName = w.FamilyName, GivenNames = w.GivenNames, NameInLocalScript = w.NameInLocalScript, Sex = w.Sex, DateOfBirth = w.DateOfBirth,
        PlaceOfBirth = w.PlaceOfBirth, Nationality = w.Nationality, NationalIdNumber = w.NationalIdNumber, PassportNumber = w.PassportNumber,
        PassportExpiry = w.PassportExpiry, CertificateOfIdentityNumber = w.CertificateOfIdentityNumber, Phone = w.Contacts.Phone, Email = w.Contacts.Email,
        AddressAtHome = w.Contacts.AddressAtHome, NextOfKinName = w.NextOfKin.Name, NextOfKinRelationship = w.NextOfKin.Relationship,
        NextOfKinPhone = w.NextOfKin.Phone, Languages = [.. w.Languages],
    };

    public static List<string> Languages(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>Reads a pasted machine-readable zone into the worker's form: every field it could read, and each failing field by name.</summary>
public static class MrzForm
{
    public const string ErrorKey = "Mrz";

    /// <summary>Parses <paramref name="mrz"/>; when it is valid, the identity fields of <paramref name="input"/> are replaced by what it says.</summary>
    public static (MrzResult? Read, WorkerInput Input) Read(string? mrz, WorkerInput input, ModelStateDictionary modelState, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(mrz))
        {
            modelState.AddModelError(ErrorKey, "Paste the 2 lines (passport) or 3 lines (ID card) of the machine-readable zone.");
            return (null, input);
        }
        var read = MrzParser.Parse(mrz, today);
        foreach (var e in read.Errors)
            modelState.AddModelError(ErrorKey, $"{FieldName(e.Field)}: {e.Message}" + (e.Line is { } l ? $" (line {l}{(e.Column is { } c ? $", column {c}" : "")})" : ""));
        if (!read.IsValid) return (read, input);
        return (read, input with
        {
            FamilyName = read.PrimaryIdentifier,
            GivenNames = read.SecondaryIdentifier,
            Sex = read.Sex switch { MrzSex.Female => Sex.Female, MrzSex.Male => Sex.Male, _ => Sex.Unspecified },
            DateOfBirth = read.DateOfBirth ?? input.DateOfBirth,
            Nationality = Alpha2(read.Nationality) ?? input.Nationality,
            // A passport (P...) fills the passport fields; another travel document fills the Certificate of Identity.
            PassportNumber = read.DocumentCode?.StartsWith('P') == true ? read.DocumentNumber : input.PassportNumber,
            PassportExpiry = read.DocumentCode?.StartsWith('P') == true ? read.DateOfExpiry : input.PassportExpiry,
            CertificateOfIdentityNumber = read.DocumentCode?.StartsWith('P') == true ? input.CertificateOfIdentityNumber : read.DocumentNumber,
        });
    }

    /// <summary>The MRZ's three-letter state code as the ISO 3166-1 alpha-2 code Cebu keeps (KHM → KH); null when it is not a country.</summary>
    public static string? Alpha2(string? alpha3)
    {
        if (alpha3 is not { Length: 3 }) return null;
        foreach (var c in ReferenceData.Shared.Countries)
        {
            try { if (new RegionInfo(c.Code).ThreeLetterISORegionName.Equals(alpha3, StringComparison.OrdinalIgnoreCase)) return c.Code; }
            catch (ArgumentException) { }
        }
        return null;
    }

    public static string FieldName(string field) => field switch
    {
        MrzField.Mrz => "Machine-readable zone",
        MrzField.DocumentCode => "Document code",
        MrzField.IssuingState => "Issuing state",
        MrzField.Name => "Name",
        MrzField.DocumentNumber => "Document number",
        MrzField.Nationality => "Nationality",
        MrzField.DateOfBirth => "Date of birth",
        MrzField.Sex => "Sex",
        MrzField.DateOfExpiry => "Date of expiry",
        MrzField.OptionalData1 => "Personal number (optional data)",
        MrzField.OptionalData2 => "Optional data",
        MrzField.CompositeCheckDigit => "Composite check digit",
        _ => field,
    };
}

/// <summary>Words for the workers' pages.</summary>
public static class WorkerWords
{
    public static string Of(DocumentationStatus s) => s switch
    {
        DocumentationStatus.Documented => "Documented",
        DocumentationStatus.Undocumented => "Undocumented",
        DocumentationStatus.UndocumentedNoFault => "Undocumented through no fault of their own",
        _ => s.ToString(),
    };

    public static string Of(CrisisStatus s) => s switch
    {
        CrisisStatus.Unknown => "Not yet reached",
        CrisisStatus.Safe => "Safe",
        CrisisStatus.NeedsHelp => "Needs help",
        CrisisStatus.Evacuated => "Evacuated",
        CrisisStatus.Unreachable => "Unreachable",
        _ => s.ToString(),
    };

    public static string Of(ReturnReason r) => r switch
    {
        ReturnReason.ContractCompleted => "Contract completed",
        ReturnReason.Terminated => "Terminated",
        ReturnReason.Repatriated => "Repatriated",
        ReturnReason.Deported => "Deported",
        ReturnReason.Died => "Died",
        _ => r.ToString(),
    };
}
