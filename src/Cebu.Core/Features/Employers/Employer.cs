using Cebu.Core.Features.Screening;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Employers;

/// <summary>An employer's standing in the registry: errant and blacklisted carry a reason and its source.</summary>
public enum EmployerStatus { Active, Errant, Blacklisted, Closed }

/// <summary>
/// An employer registered by a receiving state ("Receiving states register employers", issue 6), held by that state.
/// An errant or blacklisted employer, and its principals, are what new agency licences and employer registrations are
/// screened against (<see cref="ScreenParties"/>).
/// </summary>
public sealed class Employer : IOwnedByState, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [OwnerState] public string RegisteringState { get; set; } = "";
    /// <summary>Unique within the registering state.</summary>
    public string RegistrationNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> TradingNames { get; set; } = [];
    /// <summary>Owners and directors.</summary>
    public List<EmployerPrincipal> Principals { get; set; } = [];
    public List<string> Addresses { get; set; } = [];
    public string? Phone { get; set; }
    /// <summary>One of <see cref="Sectors.All"/>.</summary>
    public string Sector { get; set; } = "";
    public EmployerStatus Status { get; set; } = EmployerStatus.Active;
    public string? StatusReason { get; set; }
    /// <summary>Where the status comes from: an inspection report, a court judgment, a ministry notice (with its date).</summary>
    public string? StatusSource { get; set; }
    public DateOnly? StatusSince { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public string OwnerState => RegisteringState;
}

public sealed class EmployerPrincipal
{
    public string Name { get; set; } = "";
    /// <summary>owner, director, manager.</summary>
    public string Role { get; set; } = "director";
}

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> e)
    {
        e.Property(x => x.RegisteringState).HasMaxLength(2);
        e.Property(x => x.RegistrationNumber).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Phone).HasMaxLength(32);
        e.Property(x => x.Sector).HasMaxLength(40);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.StatusReason).HasMaxLength(EmployerRules.MaxText);
        e.Property(x => x.StatusSource).HasMaxLength(EmployerRules.MaxText);
        e.Property(x => x.RegisteredBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.OwnerState);
        CebuDbContext.JsonColumn(e.Property(x => x.TradingNames));
        CebuDbContext.JsonColumn(e.Property(x => x.Principals));
        CebuDbContext.JsonColumn(e.Property(x => x.Addresses));
        e.HasIndex(x => new { x.RegisteringState, x.RegistrationNumber }).IsUnique();
        e.HasIndex(x => x.Status);
    }
}

/// <summary>The fields an officer enters when registering or correcting an employer.</summary>
public sealed record EmployerInput
{
    public string? RegistrationNumber { get; init; }
    public string? Name { get; init; }
    public List<string> TradingNames { get; init; } = [];
    public List<EmployerPrincipalDto> Principals { get; init; } = [];
    public List<string> Addresses { get; init; } = [];
    public string? Phone { get; init; }
    public string? Sector { get; init; }
}

public sealed record EmployerPrincipalDto(string Name, string Role = "director");

/// <summary>A registration's outcome: the employer, and the screening hits it raised (held open for review).</summary>
public sealed record EmployerRegistered(Employer Employer, IReadOnlyList<ScreeningMatch> ScreeningHits);

public static class EmployerRules
{
    public const int MaxText = 1000;
    public static readonly string[] PrincipalRoles = ["owner", "director", "manager"];

    public static Validation Validate(EmployerInput i)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(i.RegistrationNumber), "registrationNumber", "Enter the registration number (company or business registration).");
        v.Require(i.RegistrationNumber is null || i.RegistrationNumber.Trim().Length <= 64, "registrationNumber", "At most 64 characters.");
        v.Require(!string.IsNullOrWhiteSpace(i.Name), "name", "Enter the employer's registered name.");
        v.Require(i.Name is null || i.Name.Trim().Length <= 300, "name", "At most 300 characters.");
        v.Require(i.Sector is not null && Sectors.All.Contains(i.Sector), "sector", $"Use one of: {string.Join(", ", Sectors.All)}.");
        v.Require(i.Addresses.Any(a => !string.IsNullOrWhiteSpace(a)), "addresses", "Enter at least one address (the registered office or a workplace).");
        v.Require(i.Phone is null || i.Phone.Trim().Length <= 32, "phone", "At most 32 characters.");
        for (var k = 0; k < i.TradingNames.Count; k++)
            v.Require(!string.IsNullOrWhiteSpace(i.TradingNames[k]) && i.TradingNames[k].Trim().Length <= 300, $"tradingNames[{k}]", "Each trading name needs text (at most 300 characters); remove empty ones.");
        for (var k = 0; k < i.Addresses.Count; k++)
            v.Require(i.Addresses[k] is null || i.Addresses[k].Trim().Length <= 500, $"addresses[{k}]", "An address has at most 500 characters.");
        for (var k = 0; k < i.Principals.Count; k++)
        {
            v.Require(!string.IsNullOrWhiteSpace(i.Principals[k].Name) && i.Principals[k].Name.Trim().Length <= 200, $"principals[{k}].name", "Each principal needs a name (at most 200 characters); remove empty ones.");
            v.Require(PrincipalRoles.Contains(i.Principals[k].Role), $"principals[{k}].role", $"A principal's role is one of: {string.Join(", ", PrincipalRoles)}.");
        }
        return v;
    }

    public static void Apply(Employer e, EmployerInput i)
    {
        e.RegistrationNumber = i.RegistrationNumber!.Trim();
        e.Name = i.Name!.Trim();
        e.TradingNames = i.TradingNames.Select(t => t.Trim()).ToList();
        e.Principals = i.Principals.Select(p => new EmployerPrincipal { Name = p.Name.Trim(), Role = p.Role }).ToList();
        e.Addresses = i.Addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        e.Phone = string.IsNullOrWhiteSpace(i.Phone) ? null : i.Phone.Trim();
        e.Sector = i.Sector!;
    }

    internal static Problem? Refuse(IAccessContext who) =>
        who.Has(Permissions.EmployersManage) && who.State is not null ? null
            : Problem.Forbidden("The employer registry needs the employers.manage permission of a state's labour office or inspectorate.");
}

/// <summary>A receiving state's labour office registers an employer; the registration is screened and its hits queued for review.</summary>
public sealed class RegisterEmployer(CebuDbContext db, ScreenParties screen)
{
    public async Task<Outcome<EmployerRegistered>> Handle(EmployerInput input, CancellationToken ct)
    {
        var who = db.Access;
        if (EmployerRules.Refuse(who) is { } refused) return refused;
        var v = EmployerRules.Validate(input);
        if (v.HasErrors) return v.ToProblem();
        var number = input.RegistrationNumber!.Trim();
        if (await db.Set<Employer>().AnyAsync(e => e.RegisteringState == who.State && e.RegistrationNumber == number, ct))
            return Problem.Invalid("registrationNumber", $"Registration {number} is already in {who.State}'s employer registry: open that employer instead.");
        var now = db.Clock.GetUtcNow();
        var employer = new Employer { RegisteringState = who.State!, RegisteredBy = who.UserName ?? "system", CreatedAt = now, UpdatedAt = now, StatusSince = DateOnly.FromDateTime(now.UtcDateTime) };
        EmployerRules.Apply(employer, input);
        var hits = await screen.Handle(PartyProfile.Of(employer), null, ct);
        db.Add(employer);
        ScreenParties.Record(db, employer.RegisteringState, PartyKind.Employer, employer.Id, employer.RegistrationNumber, employer.Name, hits, now);
        db.AuditAction = "employer.register";
        db.AuditReason = hits.Count == 0 ? "Employer registered." : $"Employer registered; {hits.Count} screening hit(s) queued for review.";
        await db.SaveChangesAsync(ct);
        return new EmployerRegistered(employer, hits);
    }
}

/// <summary>Corrects an employer's details (not its status: see <see cref="ChangeEmployerStatus"/>).</summary>
public sealed class UpdateEmployer(CebuDbContext db)
{
    public async Task<Outcome<Employer>> Handle(Guid id, EmployerInput input, CancellationToken ct)
    {
        var who = db.Access;
        if (EmployerRules.Refuse(who) is { } refused) return refused;
        var employer = await db.Set<Employer>().SingleOrDefaultAsync(e => e.Id == id && e.RegisteringState == who.State, ct);
        if (employer is null) return Problem.NotFound("The employer");
        var v = EmployerRules.Validate(input);
        if (v.HasErrors) return v.ToProblem();
        var number = input.RegistrationNumber!.Trim();
        if (await db.Set<Employer>().AnyAsync(e => e.RegisteringState == who.State && e.RegistrationNumber == number && e.Id != id, ct))
            return Problem.Invalid("registrationNumber", $"Registration {number} belongs to another employer of {who.State}.");
        EmployerRules.Apply(employer, input);
        employer.UpdatedAt = db.Clock.GetUtcNow();
        db.AuditAction = "employer.update";
        await db.SaveChangesAsync(ct);
        return employer;
    }
}

/// <summary>Marks an employer errant or blacklisted (with the reason and its source), or active or closed again.</summary>
public sealed class ChangeEmployerStatus(CebuDbContext db)
{
    public async Task<Outcome<Employer>> Handle(Guid id, EmployerStatus? status, string? reason, string? source, CancellationToken ct)
    {
        var who = db.Access;
        if (EmployerRules.Refuse(who) is { } refused) return refused;
        var employer = await db.Set<Employer>().SingleOrDefaultAsync(e => e.Id == id && e.RegisteringState == who.State, ct);
        if (employer is null) return Problem.NotFound("The employer");
        var v = new Validation();
        v.Require(status is not null, "status", "Choose active, errant, blacklisted or closed.");
        var why = reason?.Trim() ?? "";
        var from = source?.Trim() ?? "";
        v.Require(why.Length > 0, "reason", "Say why the status changes.");
        v.Require(status is not (EmployerStatus.Errant or EmployerStatus.Blacklisted) || from.Length > 0, "source",
            "Name the source of the finding (an inspection report, a judgment, a notice) and its date.");
        v.Require(why.Length <= EmployerRules.MaxText, "reason", $"At most {EmployerRules.MaxText} characters.");
        v.Require(from.Length <= EmployerRules.MaxText, "source", $"At most {EmployerRules.MaxText} characters.");
        if (v.HasErrors) return v.ToProblem();
        var now = db.Clock.GetUtcNow();
        employer.Status = status!.Value;
        employer.StatusReason = why;
        employer.StatusSource = from.Length > 0 ? from : null;
        employer.StatusSince = DateOnly.FromDateTime(now.UtcDateTime);
        employer.UpdatedAt = now;
        db.AuditAction = "employer.status";
        db.AuditReason = $"{status.Value.ToString().ToLowerInvariant()}: {why}";
        await db.SaveChangesAsync(ct);
        return employer;
    }
}

/// <summary>The caller's state's employers, searched by name, trading name or registration number.</summary>
public sealed class ListEmployers(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<Employer>>> Handle(string? q, EmployerStatus? status, CancellationToken ct)
    {
        var who = db.Access;
        if (EmployerRules.Refuse(who) is { } refused) return refused;
        var query = db.Set<Employer>().AsNoTracking().Where(e => e.RegisteringState == who.State);
        if (status is { } s) query = query.Where(e => e.Status == s);
        var all = await query.OrderBy(e => e.Name).ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(q)) return all;
        var key = NameFolding.Key(q);
        return all.Where(e => NameFolding.Key(e.RegistrationNumber).Contains(key, StringComparison.Ordinal)
                              || e.TradingNames.Prepend(e.Name).Any(n => NameFolding.Key(n).Contains(key, StringComparison.Ordinal))).ToList();
    }
}

/// <summary>One employer of the caller's state, with the screening hits its registration raised.</summary>
public sealed class GetEmployer(CebuDbContext db)
{
    public sealed record Details(Employer Employer, IReadOnlyList<ScreeningHit> ScreeningHits);

    public async Task<Outcome<Details>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        if (EmployerRules.Refuse(who) is { } refused) return refused;
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.RegisteringState == who.State, ct);
        if (employer is null) return Problem.NotFound("The employer");
        var hits = await db.Set<ScreeningHit>().AsNoTracking().Where(h => h.SubjectId == id && h.OwnerState == who.State).ToListAsync(ct);
        return new Details(employer, hits);
    }
}
