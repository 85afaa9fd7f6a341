using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Contracts;

/// <summary>The worker as a contract names them (party to it), without the rest of their record.</summary>
public sealed record ContractWorker(Guid Id, string Name, string Nationality, string? PassportNumber, IReadOnlyList<string> Languages);

/// <summary>A contract with its parties by name, the offices that decided, and whether its content hash still holds.</summary>
public sealed record ContractDetails(EmploymentContract Contract, ContractWorker Worker, string? AgencyName, string? AgencyLicenceNumber,
    string? DecidedByOffice, string? AttestedByOffice, bool? HashIntact, EmploymentContract? ComparedWith);

public sealed record ContractSummary(Guid Id, string OwnerState, string WorkplaceState, Guid WorkerId, string WorkerName, string Employer, string JobTitle,
    ContractStatus Status, string RecordedByState, DateTimeOffset RecordedAt, DateTimeOffset? DecidedAt, bool Attested, int Violations, int WorseTerms, string? CheckCode);

/// <summary>A contract, for the offices that may read it; each read is logged (a person's record).</summary>
public sealed class GetContract(CebuDbContext db)
{
    public async Task<Outcome<ContractDetails>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsView)) return Problem.Forbidden("Reading contracts needs the contracts.view permission.");
        var c = await db.Set<EmploymentContract>().AsNoTracking().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Problem.NotFound("The contract");
        db.RecordRead(nameof(EmploymentContract), id.ToString());
        await db.SaveChangesAsync(ct);
        return await Details(db, c, ct);
    }

    internal static async Task<ContractDetails> Details(CebuDbContext db, EmploymentContract c, CancellationToken ct)
    {
        var w = await db.Set<Worker>().IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == c.WorkerId)
            .Select(x => new ContractWorker(x.Id, x.GivenNames + " " + x.FamilyName, x.Nationality, x.PassportNumber, x.Languages)).FirstAsync(ct);
        var agency = c.AgencyId is { } a
            ? await db.Set<Agency>().IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == a).Select(x => new { x.LegalName, x.LicenceNumber }).FirstOrDefaultAsync(ct)
            : null;
        var (decidedBy, attestedBy) = await Offices(db, c, ct);
        var compared = c.ComparedWithContractId is { } other
            ? await db.Set<EmploymentContract>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == other, ct)
            : null;
        return new ContractDetails(c, w, agency?.LegalName, agency?.LicenceNumber, decidedBy, attestedBy,
            c.ContentHash is null ? null : ContractHash.Compute(c) == c.ContentHash, compared);
    }

    /// <summary>The names of the offices that decided and attested the contract (their id where the organisation is unknown).</summary>
    internal static async Task<(string? DecidedBy, string? AttestedBy)> Offices(CebuDbContext db, EmploymentContract c, CancellationToken ct)
    {
        var offices = new[] { c.DecidedByOrganisationId, c.AttestedByOrganisationId }.OfType<string>().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => offices.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return (c.DecidedByOrganisationId is { } d ? names.GetValueOrDefault(d, d) : null,
            c.AttestedByOrganisationId is { } a ? names.GetValueOrDefault(a, a) : null);
    }
}

/// <summary>The contracts the caller may see, newest first; filter by status or worker.</summary>
public sealed class ListContracts(CebuDbContext db)
{
    public sealed record Request(ContractStatus? Status = null, Guid? WorkerId = null, bool SubstitutedOnly = false, int Page = 1, int PageSize = 50);

    public async Task<Outcome<Paged<ContractSummary>>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsView)) return Problem.Forbidden("Reading contracts needs the contracts.view permission.");
        if (r.Page < 1 || r.PageSize is < 1 or > 200) return Problem.Invalid("pageSize", "page starts at 1; pageSize is from 1 to 200.");
        var q = db.Set<EmploymentContract>().AsNoTracking().VisibleTo(who);
        if (r.Status is { } s) q = q.Where(c => c.Status == s);
        if (r.WorkerId is { } wid) q = q.Where(c => c.WorkerId == wid);
        if (r.SubstitutedOnly) q = q.Where(c => c.ComparedWithContractId != null);
        var total = await q.CountAsync(ct);
        // Ids are version-7 GUIDs, so their order is the order of recording (SQLite cannot order by DateTimeOffset).
        var rows = await q.OrderByDescending(c => c.Id).Skip((r.Page - 1) * r.PageSize).Take(r.PageSize).ToListAsync(ct);
        var ids = rows.Select(c => c.WorkerId).Distinct().ToList();
        var names = await db.Set<Worker>().IgnoreQueryFilters().AsNoTracking().Where(w => ids.Contains(w.Id))
            .Select(w => new { w.Id, Name = w.GivenNames + " " + w.FamilyName }).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var items = rows.Select(c => new ContractSummary(c.Id, c.OwnerState, c.WorkplaceState, c.WorkerId, names.GetValueOrDefault(c.WorkerId, ""), c.Terms.Employer.Name,
            c.Terms.JobTitle, c.Status, c.RecordedByState, c.RecordedAt, c.DecidedAt, c.AttestedAt is not null,
            c.Findings.Count(f => f.Severity == Severities.Violation), c.Differences.Count, c.CheckCode)).ToList();
        return new Paged<ContractSummary>(items, r.Page, r.PageSize, total);
    }
}

/// <summary>Recomputes a verified contract's content hash from what is stored now and compares it with the one recorded at verification.</summary>
public sealed class CheckContractIntegrity(CebuDbContext db)
{
    public sealed record Result(Guid Id, ContractStatus Status, string? Recorded, string Computed, bool Unchanged, string Scheme);

    public async Task<Outcome<Result>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsView)) return Problem.Forbidden("Reading contracts needs the contracts.view permission.");
        var c = await db.Set<EmploymentContract>().AsNoTracking().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Problem.NotFound("The contract");
        // The stored document's bytes are hashed again too: the recorded document hash must still describe them.
        var bytes = await db.Set<ContractDocument>().AsNoTracking().Where(d => d.ContractId == id).Select(d => d.Content).FirstOrDefaultAsync(ct);
        var documentNow = bytes is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var computed = ContractHash.Compute(c.WorkerId, c.AgencyId, c.OwnerState, c.WorkplaceState, c.Terms, documentNow);
        return new Result(c.Id, c.Status, c.ContentHash, computed, c.ContentHash is not null && computed == c.ContentHash, ContractHash.Scheme);
    }
}

/// <summary>The signed document, for those who may read the contract.</summary>
public sealed class GetContractDocument(CebuDbContext db)
{
    public sealed record File(byte[] Content, string ContentType, string FileName);

    public async Task<Outcome<File>> Handle(Guid id, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsView)) return Problem.Forbidden("Reading contracts needs the contracts.view permission.");
        var c = await db.Set<EmploymentContract>().AsNoTracking().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c?.DocumentSha256 is null) return Problem.NotFound("The contract's document");
        var bytes = await db.Set<ContractDocument>().AsNoTracking().Where(d => d.ContractId == id).Select(d => d.Content).FirstAsync(ct);
        db.RecordRead(nameof(ContractDocument), id.ToString());
        await db.SaveChangesAsync(ct);
        return new File(bytes, c.DocumentContentType!, c.DocumentFileName!);
    }
}

/// <summary>What anyone shown a printed contract may check with its code: only what a worker compares.</summary>
public sealed record PublicContract(string CheckCode, bool Verified, DateOnly? VerifiedOn, string? VerifiedBy, bool Attested, string? AttestedBy,
    string Employer, string JobTitle, string WorkplaceState, string Wage, decimal WageAmount, string WageCurrency, string WagePer, decimal HoursPerWeek, int RestDaysPerWeek, string PassportKeptBy,
    string ContentHash, bool HashIntact);

/// <summary>Checks a verified contract's code (public, access rule 6: only what the worker needs to compare).</summary>
public sealed class CheckContractCode(CebuDbContext db)
{
    public async Task<Outcome<PublicContract>> Handle(string? code, CancellationToken ct)
    {
        var normal = new string((code ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (normal.Length != 10) return Problem.Invalid("code", "A contract check code has 10 letters and digits.");
        var c = await db.Set<EmploymentContract>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.CheckCode == normal, ct);
        if (c is null || c.ContentHash is null) return Problem.NotFound("A contract with this code");
        var (decidedBy, attestedBy) = await GetContract.Offices(db, c, ct);
        var t = c.Terms;
        return new PublicContract(normal, c.Status == ContractStatus.Verified, c.DecidedAt is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null,
            decidedBy, c.AttestedAt is not null, attestedBy,
            t.Employer.Name, t.JobTitle, c.WorkplaceState, $"{new Money(t.WageAmount, t.WageCurrency)} a {t.WagePer}", t.WageAmount, t.WageCurrency, t.WagePer, t.HoursPerWeek, t.RestDaysPerWeek, t.PassportKeptBy,
            c.ContentHash, ContractHash.Compute(c) == c.ContentHash);
    }
}
