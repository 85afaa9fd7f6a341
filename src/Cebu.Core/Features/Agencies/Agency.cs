using Cebu.Core.Platform.Access;

namespace Cebu.Core.Features.Agencies;

/// <summary>The status of a recruitment agency's licence.</summary>
public enum LicenceStatus { Active, Suspended, Cancelled, Expired, Blacklisted }

/// <summary>A recruitment agency licensed by a sending state (Declaration art. 14).</summary>
public sealed class Agency : IOwnedByState, Cebu.Core.Platform.Data.IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>ISO 3166-1 alpha-2 code of the state that licensed the agency and owns this record.</summary>
    [OwnerState]
    public string LicensingState { get; set; } = "";
    public string LicenceNumber { get; set; } = "";
    public string LegalName { get; set; } = "";
    public List<AgencyName> OtherNames { get; set; } = [];
    public string Address { get; set; } = "";
    public AgencyContacts Contacts { get; set; } = new();
    public List<Principal> Principals { get; set; } = [];
    public LicenceStatus Status { get; set; } = LicenceStatus.Active;
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public List<Accreditation> Accreditations { get; set; } = [];
    /// <summary>When the current status took effect, why, and under which law: shown to the public for adverse statuses.</summary>
    public DateOnly? StatusSince { get; set; }
    public string? StatusReason { get; set; }
    public string? StatusLegalReference { get; set; }
    public List<AgencyStatusChange> History { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Concurrency token, sent to API clients as the ETag.</summary>
    public int Version { get; set; }

    public string OwnerState => LicensingState;

    /// <summary>The status as the public should read it today: an active licence past its end date has expired.</summary>
    public LicenceStatus StatusOn(DateOnly today) => EffectiveStatus(Status, ValidUntil, today);

    public static LicenceStatus EffectiveStatus(LicenceStatus status, DateOnly validUntil, DateOnly today) =>
        status == LicenceStatus.Active && validUntil < today ? LicenceStatus.Expired : status;

    public IEnumerable<string> AllNames() => OtherNames.Select(n => n.Name).Prepend(LegalName);
}

public enum AgencyNameKind { Trading, LocalScript, Former }

public sealed class AgencyName
{
    public string Name { get; set; } = "";
    public AgencyNameKind Kind { get; set; }
}

public sealed class AgencyContacts
{
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
}

public sealed class Principal
{
    public string Name { get; set; } = "";
    /// <summary>owner, director, manager.</summary>
    public string Role { get; set; } = "director";
}

/// <summary>A destination and sector the agency may recruit for.</summary>
public sealed class Accreditation
{
    public string Destination { get; set; } = "";
    public string Sector { get; set; } = "";
}

/// <summary>One decision on a licence: who decided, when, why, under which law.</summary>
public sealed class AgencyStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public string Action { get; set; } = "";
    public LicenceStatus? From { get; set; }
    public LicenceStatus To { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string Reason { get; set; } = "";
    public string? LegalReference { get; set; }
    public string DecidedBy { get; set; } = "";
    public string? DecidedByOrganisation { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A prefix under which the public can find an agency (see NameFolding.SearchTerms).</summary>
public sealed class AgencySearchTerm
{
    public long Id { get; set; }
    public Guid AgencyId { get; set; }
    [Cebu.Core.Platform.Data.BinaryCollation]
    public string Term { get; set; } = "";
}

/// <summary>A receiving state's report that an agency behaved unlawfully, and what the licensing state did about it.</summary>
public sealed class ErrantAgencyReport : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    [OwnerState]
    public string LicensingState { get; set; } = "";
    [SharedWithState]
    public string ReportingState { get; set; } = "";
    public string? ReportingOrganisationId { get; set; }
    public string ReportedBy { get; set; } = "";
    public string WhatHappened { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public string Place { get; set; } = "";
    public string? Evidence { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public string? ActionTaken { get; set; }
    public DateTimeOffset? ActionRecordedAt { get; set; }
    public string? ActionRecordedBy { get; set; }

    /// <summary>The licensing state owns the follow-up; the reporting state also sees the report it filed.</summary>
    public string OwnerState => LicensingState;

    public bool IsOverdue(DateTimeOffset now) => ActionTaken is null && now - ReportedAt > TimeSpan.FromDays(30);
}
