using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;

namespace Cebu.Core.Features.Contracts;

/// <summary>
/// Who sees and changes a contract on record, on top of the row rule (the worker's sending state owns it; the
/// receiving state where the workplace is reads it):
/// an embassy or consulate posted abroad sees its nationals' contracts for workplaces in the state where it is posted
/// (rule 3); an agency account sees only the contracts of its own agency.
/// </summary>
public static class ContractAccess
{
    public static IQueryable<EmploymentContract> VisibleTo(this IQueryable<EmploymentContract> contracts, IAccessContext who)
    {
        if (who.IsSystem) return contracts;
        if (who.AgencyId is { } agency) return contracts.Where(c => c.AgencyId == agency);
        if (WorkerAccess.IsPostedAbroad(who))
        {
            var located = who.LocatedIn;
            return contracts.Where(c => c.WorkplaceState == located);
        }
        return contracts;
    }

    /// <summary>The alerts meant for the caller's office: its state as sender, as receiver, or its consulate where posted.</summary>
    public static IQueryable<ContractAlert> AlertsFor(this IQueryable<ContractAlert> alerts, IAccessContext who)
    {
        if (who.IsSystem) return alerts;
        var state = who.State;
        if (who.AgencyId is not null || state is null) return alerts.Where(a => false);
        if (WorkerAccess.IsPostedAbroad(who))
        {
            var located = who.LocatedIn;
            return alerts.Where(a => a.Audience == AlertAudience.Consulate && a.OwnerState == state && a.ReceivingState == located);
        }
        return alerts.Where(a => (a.Audience == AlertAudience.SendingState && a.OwnerState == state) || (a.Audience == AlertAudience.ReceivingState && a.ReceivingState == state));
    }

    /// <summary>
    /// Who may change a contract that is not yet verified: the sending state's labour office, the agency that recruited
    /// the worker, or the receiving state that recorded it (the contract a worker was handed on arrival).
    /// </summary>
    public static bool CanEdit(IAccessContext who, EmploymentContract c)
    {
        if (who.IsSystem) return true;
        if (!who.Has(Permissions.ContractsRecord)) return false;
        if (who.AgencyId is { } agency) return c.AgencyId == agency && c.OwnerState == who.State;
        if (WorkerAccess.IsPostedAbroad(who)) return false;
        if (who.State == c.OwnerState) return who.Has(Permissions.WorkersRegister);
        return who.State == c.WorkplaceState && c.RecordedByState == who.State && who.Has(Permissions.InspectionsConduct);
    }

    /// <summary>The sending state's labour office verifies or rejects.</summary>
    public static bool CanDecide(IAccessContext who, EmploymentContract c) =>
        who.Has(Permissions.VerificationDecide) && who.AgencyId is null && !WorkerAccess.IsPostedAbroad(who) && who.State == c.OwnerState;

    /// <summary>The receiving state's labour inspectorate attests a verified contract for a workplace on its territory.</summary>
    public static bool CanAttest(IAccessContext who, EmploymentContract c) =>
        who.Has(Permissions.InspectionsConduct) && who.AgencyId is null && who.State == c.WorkplaceState;
}
