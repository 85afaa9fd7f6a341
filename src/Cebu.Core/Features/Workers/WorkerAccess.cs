using Cebu.Core.Platform.Access;

namespace Cebu.Core.Features.Workers;

/// <summary>
/// Access rule 3 for workers' records, on top of the row rule (owner state, or the state where the worker is
/// placed): an official of an organisation posted abroad (an embassy or consulate: home KH, located in TH) sees
/// only the nationals in the state where it is posted (placed there, or on their way there), not every worker of
/// its state: a worker still being recruited at home is the home ministry's to see.
/// </summary>
public static class WorkerAccess
{
    public static bool IsPostedAbroad(IAccessContext who) => !who.IsSystem && who.LocatedIn is { } located && located != who.State;

    /// <summary>The workers the caller may see.</summary>
    public static IQueryable<Worker> VisibleTo(this IQueryable<Worker> workers, IAccessContext who)
    {
        if (!IsPostedAbroad(who)) return workers;
        var located = who.LocatedIn;
        return workers.Where(w => w.PlacementState == located
            || (w.Destination == located && (w.Phase == JourneyPhase.Travel || w.Phase == JourneyPhase.Placement) && w.ReturnedOn == null));
    }
}
