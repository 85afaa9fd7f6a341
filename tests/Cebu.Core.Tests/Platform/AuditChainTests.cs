using Cebu.Core.Platform.Audit;

namespace Cebu.Core.Tests.Platform;

public class AuditChainTests
{
    private static List<AuditEvent> Chain(int n)
    {
        var list = new List<AuditEvent>();
        var previous = AuditEvent.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEvent
            {
                Sequence = i, At = new DateTimeOffset(2026, 11, 23, 10, 0, i, TimeSpan.Zero), UserName = "licensing@kh.demo", OrganisationId = "kh-mlvt",
                Action = "agency.suspend", RecordType = "Agency", RecordId = $"id-{i}", ChangedFields = "Status,StatusReason", Reason = $"reason {i}", PreviousHash = previous,
            };
            e.Hash = e.ComputeHash();
            previous = e.Hash;
            list.Add(e);
        }
        return list;
    }

    [Fact]
    public void Untouched_chain_verifies()
    {
        var result = AuditChain.Verify(Chain(5));
        Assert.True(result.Intact);
        Assert.Equal(5, result.EventsChecked);
    }

    [Fact]
    public void Altered_event_is_named_as_the_first_broken_link()
    {
        var chain = Chain(5);
        chain[2].Reason = "nothing happened";
        var result = AuditChain.Verify(chain);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("altered", result.Problem);
    }

    [Fact]
    public void Removed_event_is_detected()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var result = AuditChain.Verify(chain);
        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public void Rehashed_altered_event_still_breaks_the_next_link()
    {
        var chain = Chain(5);
        chain[1].Reason = "forged";
        chain[1].Hash = chain[1].ComputeHash();
        var result = AuditChain.Verify(chain);
        Assert.Equal(3, result.BrokenAt);
    }
}
