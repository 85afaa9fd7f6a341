using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;

namespace Cebu.Core.Features.Workers;

public enum Sex { Female, Male, Unspecified }

/// <summary>The steps of a migrant worker's journey (Declaration arts. 11-16; Cambodia's four phases, seminar §24).</summary>
public enum JourneyPhase { Recruitment, PreDeparture, Cleared, Travel, Placement, Returned, Reintegration }

/// <summary>Documentation status (Declaration art. 2).</summary>
public enum DocumentationStatus { Documented, Undocumented, UndocumentedNoFault }

public enum ReturnReason { ContractCompleted, Terminated, Repatriated, Deported, Died }

/// <summary>
/// A migrant worker's record, owned by the sending state. The receiving state where the worker is placed sees what
/// it needs of it (access rule 2) through <see cref="PlacementState"/>.
/// </summary>
public sealed class Worker : IOwnedByState, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [OwnerState] public string OwnerState { get; set; } = "";
    public string? OwnerOrganisationId { get; set; }

    // Identity, as in the passport and in the local script.
    public string FamilyName { get; set; } = "";
    public string GivenNames { get; set; } = "";
    public string? NameInLocalScript { get; set; }
    public Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? PlaceOfBirth { get; set; }
    public string Nationality { get; set; } = "";
    public string? NationalIdNumber { get; set; }
    public string? PassportNumber { get; set; }
    public DateOnly? PassportExpiry { get; set; }
    public string? CertificateOfIdentityNumber { get; set; }
    public string? WorkPermitNumber { get; set; }
    public DateOnly? WorkPermitExpiry { get; set; }
    public WorkerContacts Contacts { get; set; } = new();
    public NextOfKin NextOfKin { get; set; } = new();
    public List<string> Languages { get; set; } = [];
    /// <summary>Folded name for tolerant search (see Cebu.Matching.NameFolding).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string SearchName { get; set; } = "";
    /// <summary>Blocking keys of the name (Cebu.Matching.NameKeys), so that search reads an index rather than every row.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public List<WorkerSearchTerm> SearchTerms { get; set; } = [];

    public DocumentationStatus DocumentationStatus { get; set; } = DocumentationStatus.Documented;
    public DateOnly? DocumentationStatusSince { get; set; }
    public string? DocumentationStatusReason { get; set; }

    // The journey.
    public JourneyPhase Phase { get; set; } = JourneyPhase.Recruitment;
    public Guid? AgencyId { get; set; }
    public string Destination { get; set; } = "";
    public string Sector { get; set; } = "";
    public JobOrder JobOrder { get; set; } = new();
    public PreDeparture PreDeparture { get; set; } = new();
    public string? ClearanceCode { get; set; }
    public DateOnly? ClearanceIssuedOn { get; set; }
    public DateOnly? DepartedOn { get; set; }
    public string? BorderCrossingPoint { get; set; }
    /// <summary>The receiving state where the worker is placed: it sees the worker's identity, permit and employer.</summary>
    [SharedWithState] public string? PlacementState { get; set; }
    public string? Employer { get; set; }
    public string? Workplace { get; set; }
    public string? PlacementRegion { get; set; }
    public DateOnly? PlacedOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public ReturnReason? ReturnReason { get; set; }
    public List<ReintegrationService> Reintegration { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public string FullName => string.IsNullOrWhiteSpace(GivenNames) ? FamilyName : $"{GivenNames} {FamilyName}";
}

public sealed class WorkerContacts
{
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? AddressAtHome { get; set; }
    public string? AddressAbroad { get; set; }
}

public sealed class NextOfKin
{
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
}

/// <summary>The job the worker is recruited for.</summary>
public sealed class JobOrder
{
    public string? Number { get; set; }
    public string? Employer { get; set; }
    public string? JobTitle { get; set; }
}

/// <summary>The evidence the pre-departure gate needs.</summary>
public sealed class PreDeparture
{
    public string? ContractReference { get; set; }
    public DateOnly? ContractSignedOn { get; set; }
    public DateOnly? OrientationAttendedOn { get; set; }
    public string? OrientationProvider { get; set; }
    public DateOnly? HealthCheckOn { get; set; }
    public bool? HealthCheckFit { get; set; }
    public string? InsurancePolicy { get; set; }
    public string? Insurer { get; set; }
    public DateOnly? InsuranceValidUntil { get; set; }
    public List<FeePaid> Fees { get; set; } = [];
}

/// <summary>Every fee the worker paid: amount, to whom, what for (seminar §38: excessive placement fees).</summary>
public sealed class FeePaid
{
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    public string PaidTo { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly? PaidOn { get; set; }
}

public sealed class ReintegrationService
{
    /// <summary>skills-recognition, job-placement, loan, counselling.</summary>
    public string Kind { get; set; } = "";
    public DateOnly On { get; set; }
    public string Provider { get; set; } = "";
    public string? Notes { get; set; }
}

/// <summary>One entry of a worker's timeline: what happened, when, who recorded it.</summary>
public sealed class WorkerEvent : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkerId { get; set; }
    [OwnerState] public string OwnerState { get; set; } = "";
    public DateOnly On { get; set; }
    public string Kind { get; set; } = "";
    public string Summary { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>For an edit: each changed field with its value before and after (shown to the owning state only, with the timeline).</summary>
    public List<FieldChange> Changes { get; set; } = [];
}

/// <summary>One field of a record changed by an edit: its name (as the API names it), the old and the new value as text.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A blocking key of a worker's name.</summary>
public sealed class WorkerSearchTerm
{
    public long Id { get; set; }
    public Guid WorkerId { get; set; }
    [Cebu.Core.Platform.Data.BinaryCollation]
    public string Key { get; set; } = "";
}
