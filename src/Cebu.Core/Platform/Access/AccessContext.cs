namespace Cebu.Core.Platform.Access;

/// <summary>Who is acting: an official, the public, or the system itself (the CLI, seeding, background jobs).</summary>
public interface IAccessContext
{
    string? UserId { get; }
    string? UserName { get; }
    string? OrganisationId { get; }
    /// <summary>The home state of the official's organisation (ISO 3166-1 alpha-2): whose records it acts for.</summary>
    string? State { get; }
    /// <summary>Where the organisation works: an embassy of KH in Bangkok has State KH and LocatedIn TH.</summary>
    string? LocatedIn { get; }
    bool IsSystem { get; }
    bool Has(string permission);
    /// <summary>For an agency account: the recruitment agency it acts for; it sees only that agency's contracts.</summary>
    Guid? AgencyId => null;
}

/// <summary>An access context with fixed values: the system, the public, or an official in tests and the CLI.</summary>
public sealed record FixedAccessContext(
    string? UserId, string? UserName, string? OrganisationId, string? State, string? LocatedIn, bool IsSystem,
    IReadOnlySet<string> Permissions) : IAccessContext
{
    public Guid? AgencyId { get; init; }

    public static readonly FixedAccessContext System = new(null, "system", null, null, null, true, new HashSet<string>());
    public static readonly FixedAccessContext Public = new(null, null, null, null, null, false, new HashSet<string>());

    public static FixedAccessContext Cli(string who) => System with { UserName = who };

    public bool Has(string permission) => IsSystem || Permissions.Contains(permission);
}

/// <summary>A record that belongs to one state, and within it to one organisation.</summary>
public interface IOwnedByState
{
    string OwnerState { get; }
}

/// <summary>The row-level rules, written once. Query filters and handlers both call these.</summary>
public static class AccessRules
{
    /// <summary>Rule 1: officials of a state see the records their state owns.</summary>
    public static bool CanSee(IAccessContext who, IOwnedByState record) => who.IsSystem || (who.State is not null && who.State == record.OwnerState);

    /// <summary>Only the owning state changes its records, and only with the permission to do so.</summary>
    public static bool CanChange(IAccessContext who, IOwnedByState record, string permission) => who.Has(permission) && CanSee(who, record);
}

/// <summary>Marks the property that holds the owning state's code; the row filter compares it with the caller's state.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OwnerStateAttribute : Attribute;

/// <summary>Marks a second state that also sees the record (the state that filed a report, for example).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SharedWithStateAttribute : Attribute;

/// <summary>A record held by one organisation (a case): only that organisation's officials see it.</summary>
public interface IOwnedByOrganisation
{
    string OwnerOrganisationId { get; }
}

/// <summary>Marks the property that holds the owning organisation's id; the row filter compares it with the caller's organisation.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OwnerOrganisationAttribute : Attribute;
