using System.Security.Cryptography;
using System.Text;

namespace Cebu.Core.Platform.Audit;

/// <summary>
/// One write (or read of a person's record), appended to a hash chain: each event stores the SHA-256 of the
/// previous one, so that removing or altering any event breaks every link after it.
/// </summary>
public sealed class AuditEvent
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Position in the chain, from 1, with no gaps.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? OrganisationId { get; set; }
    /// <summary>created, updated, deleted, or a named action such as "agency.suspend".</summary>
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string RecordId { get; set; } = "";
    /// <summary>Names of the fields written, comma-separated (values are not copied into the log).</summary>
    public string? ChangedFields { get; set; }
    public string? Reason { get; set; }
    public string PreviousHash { get; set; } = Genesis;
    public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            UserId ?? "", UserName ?? "", OrganisationId ?? "", Action, RecordType, RecordId, ChangedFields ?? "", Reason ?? "", PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The result of checking the chain: intact, or the first event where it breaks and why.</summary>
public sealed record AuditVerification(long EventsChecked, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}

public static class AuditChain
{
    /// <summary>Walks events in order and reports the first broken link. Pure: the caller streams the events.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> eventsInOrder)
    {
        var expectedPrevious = AuditEvent.Genesis;
        long expectedSequence = 1, checkedCount = 0;
        foreach (var e in eventsInOrder)
        {
            if (e.Sequence != expectedSequence)
                return new(checkedCount, expectedSequence, $"event {expectedSequence} is missing: the next event found is {e.Sequence}");
            if (e.PreviousHash != expectedPrevious)
                return new(checkedCount, e.Sequence, $"event {e.Sequence} does not point to the hash of event {e.Sequence - 1}: an event before it was altered or removed");
            if (e.ComputeHash() != e.Hash)
                return new(checkedCount, e.Sequence, $"event {e.Sequence} ({e.Action} {e.RecordType} {e.RecordId}) was altered after it was written: its content no longer matches its hash");
            expectedPrevious = e.Hash;
            expectedSequence++;
            checkedCount++;
        }
        return new(checkedCount, null, null);
    }
}
