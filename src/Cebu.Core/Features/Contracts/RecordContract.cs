using Cebu.Core.Features.Agencies;
using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Reference;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Contracts;

/// <summary>
/// Records an employment contract for a worker: by the agency that recruited them, by the sending state's labour office,
/// or by the receiving state's inspectorate (the contract the worker was handed on arrival). The checker runs on the
/// terms and its findings are stored. If the worker already has a verified contract for the same job (same employer, or
/// an overlapping period), the new one is compared term by term and every worse term raises a substitution alert.
/// </summary>
public sealed class RecordContract(CebuDbContext db, RulePackStore store)
{
    public sealed record Request(Guid? WorkerId, ContractTermsRecord? Terms, string? WorkplaceState = null, Guid? AgencyId = null, string? AgencyLicenceNumber = null);

    public async Task<Outcome<EmploymentContract>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        if (!who.Has(Permissions.ContractsRecord)) return Problem.Forbidden("Recording a contract needs the contracts.record permission.");
        var v = new Validation();
        if (r.WorkerId is null) v.Add("workerId", "Name the worker the contract is for (workerId).");
        ContractRules.Validate(r.Terms, v);
        var workplace = r.WorkplaceState?.Trim().ToUpperInvariant();
        if (workplace is not null && !ReferenceData.Shared.IsCountry(workplace)) v.Add("workplaceState", "Enter the state where the workplace is as an ISO 3166-1 alpha-2 code, e.g. TH.");
        if (v.HasErrors) return v.ToProblem();

        var w = await db.Set<Worker>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.WorkerId, ct);
        workplace ??= w?.PlacementState ?? w?.Destination;
        if (w is null || !MayRecordFor(who, w, workplace)) return Problem.NotFound("The worker");
        if (string.IsNullOrEmpty(workplace)) return Problem.Invalid("workplaceState", "The worker has no destination yet: name the state where the workplace is.");
        if (workplace == w.OwnerState) return Problem.Invalid("workplaceState", "The workplace is in the worker's own state: Cebu records contracts for work abroad.");

        Guid? agencyId = who.AgencyId ?? r.AgencyId ?? w.AgencyId;
        if (who.AgencyId is null && !string.IsNullOrWhiteSpace(r.AgencyLicenceNumber))
        {
            var licence = r.AgencyLicenceNumber.Trim();
            agencyId = await db.Set<Agency>().IgnoreQueryFilters().Where(a => a.LicensingState == w.OwnerState && a.LicenceNumber == licence).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (agencyId is null) return Problem.Invalid("agencyLicenceNumber", $"No agency with licence {licence} is registered in {w.OwnerState}.");
        }
        else if (who.AgencyId is null && r.AgencyId is { } given
                 && !await db.Set<Agency>().IgnoreQueryFilters().AnyAsync(a => a.Id == given && a.LicensingState == w.OwnerState, ct))
            return Problem.Invalid("agencyId", $"No agency with this id is registered in {w.OwnerState}.");

        var now = db.Clock.GetUtcNow();
        var c = new EmploymentContract
        {
            OwnerState = w.OwnerState, WorkplaceState = workplace, WorkerId = w.Id, AgencyId = agencyId, Terms = ContractRules.Normalise(r.Terms!),
            RecordedBy = who.UserName ?? "system", RecordedByOrganisationId = who.OrganisationId, RecordedByState = who.State ?? w.OwnerState, RecordedAt = now, UpdatedAt = now,
        };
        var packs = (await store.CurrentAsync(ct)).Packs;
        c.Findings = ContractWork.Check(c, now, packs).ToList();
        db.Add(c);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.Add(Timeline.Event(w, today, "contract.recorded", $"Contract recorded: {c.Terms.JobTitle} at {c.Terms.Employer.Name} ({workplace}), {new Money(c.Terms.WageAmount, c.Terms.WageCurrency)} a {c.Terms.WagePer}.", who, now));
        await ContractWork.CompareWithVerified(db, c, w, now, packs.Rates, ct);
        db.AuditAction = "contract.record";
        db.AuditReason = $"Contract recorded for worker {w.Id}.";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The agency that recruited the worker, the sending state's labour office, or the receiving state where the worker works or is going.</summary>
    internal static bool MayRecordFor(IAccessContext who, Worker w, string? workplace)
    {
        if (who.IsSystem) return true;
        if (who.AgencyId is { } agency) return w.AgencyId == agency && w.OwnerState == who.State;
        if (WorkerAccess.IsPostedAbroad(who)) return false;
        if (who.State == w.OwnerState) return who.Has(Permissions.WorkersRegister);
        return who.Has(Permissions.InspectionsConduct) && who.State == workplace && (w.PlacementState == who.State || w.Destination == who.State);
    }
}

/// <summary>What recording, editing and deciding a contract share.</summary>
internal static class ContractWork
{
    /// <summary>The checker on the contract's terms, with the packs in force (shipped and published versions).</summary>
    public static IReadOnlyList<Finding> Check(EmploymentContract c, DateTimeOffset now, RulePacks packs) =>
        ContractCheck.Check(c.Terms.ForCheck(c.OwnerState, c.WorkplaceState), packs, DateOnly.FromDateTime(now.UtcDateTime));

    public static WorkerEvent Event(EmploymentContract c, string kind, string summary, IAccessContext who, DateTimeOffset now) => new()
    {
        WorkerId = c.WorkerId, OwnerState = c.OwnerState, On = DateOnly.FromDateTime(now.UtcDateTime), Kind = kind, Summary = summary,
        RecordedBy = who.UserName ?? "system", RecordedAt = now,
    };

    /// <summary>Same worker and job: the same employer, or periods that overlap.</summary>
    public static bool SameJob(ContractTermsRecord a, ContractTermsRecord b)
    {
        if (string.Equals(Fold(a.Employer.Name), Fold(b.Employer.Name), StringComparison.Ordinal)) return true;
        if (a.StartDate is not { } s1 || b.StartDate is not { } s2) return false;
        var e1 = s1.AddMonths(a.DurationMonths ?? 1200);
        var e2 = s2.AddMonths(b.DurationMonths ?? 1200);
        return s1 < e2 && s2 < e1;
    }

    /// <summary>A verified contract is frozen: any change is refused with the hash that proves it unchanged.</summary>
    public static Problem Frozen(EmploymentContract c) => Problem.Conflict("The contract is verified and frozen.",
        $"It was verified on {c.DecidedAt:yyyy-MM-dd} with content hash {c.ContentHash}; its terms and document cannot change. Record a new contract instead.",
        new { contentHash = c.ContentHash, checkCode = c.CheckCode });

    private static string Fold(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>One substitution alert for each office that must know (<see cref="AlertAudience"/>), with the contract's worse terms.</summary>
    public static IEnumerable<ContractAlert> Alerts(EmploymentContract c, Guid verifiedId, string workerName, DateTimeOffset at, string by) =>
        Enum.GetValues<AlertAudience>().Select(audience => new ContractAlert
        {
            OwnerState = c.OwnerState, ReceivingState = c.WorkplaceState, Audience = audience, WorkerId = c.WorkerId, WorkerName = workerName,
            ContractId = c.Id, VerifiedContractId = verifiedId, Employer = c.Terms.Employer.Name, Differences = c.Differences,
            RaisedAt = at, RaisedBy = by,
        });

    /// <summary>
    /// Compares a contract that is not verified with the latest verified contract of the same worker and job; every worse
    /// term is kept on the contract, and alerts go (once per contract) to the three offices that must know.
    /// </summary>
    public static async Task CompareWithVerified(CebuDbContext db, EmploymentContract c, Worker w, DateTimeOffset now, ExchangeRateTable rates, CancellationToken ct)
    {
        var verified = (await db.Set<EmploymentContract>().IgnoreQueryFilters().AsNoTracking()
                .Where(x => x.WorkerId == c.WorkerId && x.Id != c.Id && x.Status == ContractStatus.Verified).ToListAsync(ct))
            .Where(x => SameJob(x.Terms, c.Terms)).OrderByDescending(x => x.DecidedAt).FirstOrDefault();
        if (verified is null) { c.ComparedWithContractId = null; c.Differences = []; return; }
        c.ComparedWithContractId = verified.Id;
        c.Differences = ContractComparison.Worse(verified.Terms, c.Terms, rates).ToList();
        if (c.Differences.Count == 0) return;
        if (await db.Set<ContractAlert>().IgnoreQueryFilters().AnyAsync(a => a.ContractId == c.Id, ct)) return;
        var who = db.Access;
        db.AddRange(Alerts(c, verified.Id, w.FullName, now, who.UserName ?? "system"));
        db.Add(Event(c, "contract.substituted",
            $"Possible contract substitution: a contract recorded by {c.RecordedByState} differs from the verified one in {c.Differences.Count} term(s) worse for the worker: "
            + string.Join(", ", c.Differences.Select(d => d.Term).Distinct()) + ".", who, now));
    }
}
