using System.Net;
using System.Text.Json.Nodes;
using Cebu.Core.Features.Agencies;
using Cebu.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Web.Tests;

/// <summary>
/// The public look-up answers from each node's in-memory copy of the registry: a write shows at once on the node
/// that made it, within the check interval on the others, and a renamed agency is no longer found by its old name.
/// </summary>
public abstract class PublicRegistryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CebuApp
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    private async Task<(JsonNode Agency, string ETag)> Grant(HttpClient kh, string licence, string name)
    {
        var response = await kh.PostJson("/api/v1/agencies", Samples.Create(Samples.Agency(licence, name)));
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.Json(), response.Headers.ETag!.ToString());
    }

    private async Task<List<JsonNode>> Lookup(string q)
    {
        using var anyone = app.Anonymous();
        return (await (await anyone.GetAsync($"/api/v1/public/agencies?q={Uri.EscapeDataString(q)}")).OkJson()).Items().ToList();
    }

    /// <summary>The look-up as another node of the farm answers it: its own registry, which hears no local writes.</summary>
    private static async Task<IReadOnlyList<PublicAgency>> LookupOn(PublicAgencyRegistry node, string q) =>
        (await new LookupAgencies(node, TimeProvider.System).Handle(q, CancellationToken.None)).Value!.Items;

    [Fact]
    public async Task A_suspension_shows_at_once_here_and_on_another_node_after_its_check_interval()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var licence = Unique("KH-R");
        var (agency, etag) = await Grant(kh, licence, "Kampot Pepper Staffing Co., Ltd.");
        var clock = new ManualClock();
        var otherNode = new PublicAgencyRegistry(clock, app.Services.GetRequiredService<IServiceScopeFactory>(), seesLocalWrites: false);
        Assert.Equal(LicenceStatus.Active, Assert.Single(await LookupOn(otherNode, licence)).Status);

        await (await kh.PostJson($"/api/v1/agencies/{agency["id"].Str()}/status",
            new { action = "suspend", reason = "Kept workers' passports.", legalReference = "Sub-Decree No. 190 (2011), art. 30" }, etag)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("suspended", Assert.Single(await Lookup(licence))["status"].Str());
        // The other node has not checked yet: it still answers from its copy...
        Assert.Equal(LicenceStatus.Active, Assert.Single(await LookupOn(otherNode, licence)).Status);
        // ...and once its check interval has passed, it reads the change from the audit chain.
        clock.Advance(PublicAgencyRegistry.CheckInterval + TimeSpan.FromSeconds(1));
        var seen = Assert.Single(await LookupOn(otherNode, licence));
        Assert.Equal(LicenceStatus.Suspended, seen.Status);
        Assert.Equal("Kept workers' passports.", seen.StatusReason);
    }

    [Fact]
    public async Task A_new_licence_is_found_at_once_and_a_renamed_agency_no_longer_by_its_old_name()
    {
        using var kh = await app.As(Demo.LicensingKH);
        var licence = Unique("KH-R");
        var (agency, etag) = await Grant(kh, licence, "Bokor Mountain Placement Co., Ltd.");
        Assert.Equal(licence, (await Lookup("bokor mountain placement"))[0]["licenceNumber"].Str());

        var renamed = await kh.PutJson($"/api/v1/agencies/{agency["id"].Str()}",
            new { agency = Samples.Agency(licence, "Rabbit Island Placement Co., Ltd."), reason = "Registered a new name." }, etag);
        await renamed.ShouldBe(HttpStatusCode.OK);

        Assert.DoesNotContain(await Lookup("bokor mountain placement"), i => i["licenceNumber"].Str() == licence);
        Assert.Equal(licence, (await Lookup("rabbit island placement"))[0]["licenceNumber"].Str());
        // Words in another order reach the changed agency too.
        Assert.Contains(await Lookup("placement rabbit"), i => i["licenceNumber"].Str() == licence);
    }
}

public sealed class PublicRegistryTests_on_Sqlite(SqliteApp app) : PublicRegistryTests<SqliteApp>(app);
public sealed class PublicRegistryTests_on_Postgres(PostgresApp app) : PublicRegistryTests<PostgresApp>(app);
