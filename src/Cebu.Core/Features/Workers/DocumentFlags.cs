namespace Cebu.Core.Features.Workers;

public enum FlagLevel { Expired, ExpiresSoon }

/// <summary>A document that has expired or will soon.</summary>
public sealed record DocumentFlag(string Document, FlagLevel Level, DateOnly Expiry, string Message);

/// <summary>Flags expired and soon-to-expire documents on a worker's record. Pure.</summary>
public static class DocumentFlags
{
    public const int PassportWarningDays = 180, PermitWarningDays = 90, InsuranceWarningDays = 30;

    public static IReadOnlyList<DocumentFlag> For(Worker w, DateOnly today)
    {
        var flags = new List<DocumentFlag>();
        Check(flags, "passport", w.PassportExpiry, PassportWarningDays, today);
        if (w.ReturnedOn is null)
        {
            Check(flags, "work permit", w.WorkPermitExpiry, PermitWarningDays, today);
            Check(flags, "insurance", w.PreDeparture.InsuranceValidUntil, InsuranceWarningDays, today);
        }
        return flags;
    }

    private static void Check(List<DocumentFlag> flags, string document, DateOnly? expiry, int warningDays, DateOnly today)
    {
        if (expiry is not { } e) return;
        if (e < today) flags.Add(new(document, FlagLevel.Expired, e, $"The {document} expired on {e:yyyy-MM-dd}."));
        else if (e <= today.AddDays(warningDays)) flags.Add(new(document, FlagLevel.ExpiresSoon, e, $"The {document} expires on {e:yyyy-MM-dd}, in {e.DayNumber - today.DayNumber} days."));
    }
}
