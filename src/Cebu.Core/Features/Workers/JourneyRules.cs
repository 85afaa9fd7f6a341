using Cebu.Core.Features.Agencies;

namespace Cebu.Core.Features.Workers;

/// <summary>A gate of the journey that is not passed, in words an officer can act on.</summary>
public sealed record GateFailure(string Gate, string Message);

/// <summary>What the journey needs to know of the recruiting agency.</summary>
public sealed record AgencyFacts(string LicenceNumber, LicenceStatus Status, IReadOnlyList<(string Destination, string Sector)> Accreditations);

/// <summary>
/// The journey as explicit states with the evidence each step needs. Pure: the use cases load the facts and call
/// these rules; tests call them directly.
/// </summary>
public static class JourneyRules
{
    public const int PassportMonthsLeftAtDeparture = 6;

    /// <summary>The phases a worker may move to from a phase. Return is possible at any time after recruitment.</summary>
    public static IReadOnlyList<JourneyPhase> Next(JourneyPhase from) => from switch
    {
        JourneyPhase.Recruitment => [JourneyPhase.PreDeparture],
        JourneyPhase.PreDeparture => [JourneyPhase.Cleared, JourneyPhase.Returned],
        JourneyPhase.Cleared => [JourneyPhase.Travel, JourneyPhase.Returned],
        JourneyPhase.Travel => [JourneyPhase.Placement, JourneyPhase.Returned],
        JourneyPhase.Placement => [JourneyPhase.Returned],
        JourneyPhase.Returned => [JourneyPhase.Reintegration],
        _ => [],
    };

    /// <summary>Every gate the worker fails for moving to <paramref name="target"/>; empty when the move is allowed.</summary>
    public static IReadOnlyList<GateFailure> Check(Worker w, JourneyPhase target, AgencyFacts? agency, DateOnly today)
    {
        var failures = new List<GateFailure>();
        if (!Next(w.Phase).Contains(target))
        {
            failures.Add(new("phase", $"A worker in {Words(w.Phase)} cannot move to {Words(target)}; next: {string.Join(" or ", Next(w.Phase).Select(Words))}."));
            return failures;
        }
        switch (target)
        {
            case JourneyPhase.PreDeparture:
                Recruitment(w, agency, failures);
                break;
            case JourneyPhase.Cleared:
                Recruitment(w, agency, failures);
                PreDepartureGates(w, today, failures);
                break;
            case JourneyPhase.Travel:
                if (w.ClearanceCode is null) failures.Add(new("clearance", "No deployment clearance has been issued."));
                if (w.DepartedOn is null) failures.Add(new("departure", "Record the date of departure."));
                if (string.IsNullOrWhiteSpace(w.BorderCrossingPoint)) failures.Add(new("borderCrossingPoint", "Record the border crossing point or airport of departure."));
                break;
            case JourneyPhase.Placement:
                if (string.IsNullOrWhiteSpace(w.Employer)) failures.Add(new("employer", "Record the employer."));
                if (string.IsNullOrWhiteSpace(w.Workplace)) failures.Add(new("workplace", "Record the workplace address."));
                if (string.IsNullOrWhiteSpace(w.WorkPermitNumber)) failures.Add(new("workPermit", "Record the work permit number."));
                if (w.WorkPermitExpiry is not { } permit) failures.Add(new("workPermitExpiry", "Record the work permit's expiry date."));
                else if (permit < today) failures.Add(new("workPermitExpiry", $"The work permit expired on {permit:yyyy-MM-dd}."));
                if (w.PlacedOn is null) failures.Add(new("placedOn", "Record the date the placement started."));
                break;
            case JourneyPhase.Returned:
                if (w.ReturnedOn is null) failures.Add(new("returnedOn", "Record the date of return."));
                if (w.ReturnReason is null) failures.Add(new("returnReason", "Record why the worker returned: contract completed, terminated, repatriated, deported or died."));
                break;
            case JourneyPhase.Reintegration:
                if (w.Reintegration.Count == 0) failures.Add(new("reintegration", "Record at least one reintegration service given (skills recognition, job placement, loan, counselling)."));
                break;
        }
        return failures;
    }

    private static void Recruitment(Worker w, AgencyFacts? agency, List<GateFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(w.Destination)) failures.Add(new("destination", "Record the destination country."));
        if (string.IsNullOrWhiteSpace(w.Sector)) failures.Add(new("sector", "Record the sector of the job."));
        if (agency is null) failures.Add(new("agency", "Record the licensed agency that recruited the worker."));
        else
        {
            if (agency.Status != LicenceStatus.Active)
                failures.Add(new("agency", $"Agency {agency.LicenceNumber} is {agency.Status.ToString().ToLowerInvariant()}: it may not recruit."));
            if (!agency.Accreditations.Any(a => a.Destination == w.Destination && a.Sector == w.Sector))
                failures.Add(new("agency", $"Agency {agency.LicenceNumber} is not accredited to recruit for {w.Sector} in {w.Destination}."));
        }
        if (string.IsNullOrWhiteSpace(w.JobOrder.Number) || string.IsNullOrWhiteSpace(w.JobOrder.Employer) || string.IsNullOrWhiteSpace(w.JobOrder.JobTitle))
            failures.Add(new("jobOrder", "Record the job order: its number, the employer and the job title."));
    }

    private static void PreDepartureGates(Worker w, DateOnly today, List<GateFailure> failures)
    {
        var p = w.PreDeparture;
        if (string.IsNullOrWhiteSpace(p.ContractReference) || p.ContractSignedOn is null)
            failures.Add(new("contract", "Put the signed employment contract on record (reference and date signed)."));
        if (p.OrientationAttendedOn is null || string.IsNullOrWhiteSpace(p.OrientationProvider))
            failures.Add(new("orientation", "Record the pre-departure orientation: date attended and provider."));
        if (p.HealthCheckOn is null) failures.Add(new("healthCheck", "Record the health check."));
        else if (p.HealthCheckFit != true) failures.Add(new("healthCheck", "The health check did not find the worker fit to work."));
        if (string.IsNullOrWhiteSpace(p.InsurancePolicy) || string.IsNullOrWhiteSpace(p.Insurer) || p.InsuranceValidUntil is null)
            failures.Add(new("insurance", "Record the insurance: insurer, policy number and end date."));
        else if (p.InsuranceValidUntil < today) failures.Add(new("insurance", $"The insurance ended on {p.InsuranceValidUntil:yyyy-MM-dd}."));
        if (string.IsNullOrWhiteSpace(w.PassportNumber) || w.PassportExpiry is null)
            failures.Add(new("passport", "Record the passport number and expiry date."));
        else if (w.PassportExpiry < today.AddMonths(PassportMonthsLeftAtDeparture))
            failures.Add(new("passport", $"The passport expires on {w.PassportExpiry:yyyy-MM-dd}: it must be valid for {PassportMonthsLeftAtDeparture} more months at departure."));
        foreach (var (fee, i) in p.Fees.Select((f, i) => (f, i)))
            if (fee.Amount < 0 || string.IsNullOrWhiteSpace(fee.PaidTo) || string.IsNullOrWhiteSpace(fee.Purpose) || fee.Currency.Length != 3)
                failures.Add(new($"fees[{i}]", "Each fee needs an amount, an ISO currency code, to whom it was paid and what for."));
    }

    public static string Words(JourneyPhase phase) => phase switch
    {
        JourneyPhase.Recruitment => "recruitment",
        JourneyPhase.PreDeparture => "pre-departure",
        JourneyPhase.Cleared => "deployment clearance",
        JourneyPhase.Travel => "travel",
        JourneyPhase.Placement => "placement",
        JourneyPhase.Returned => "return",
        _ => "reintegration",
    };
}
