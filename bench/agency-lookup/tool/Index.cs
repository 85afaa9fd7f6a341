using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// ensure-index PROVIDER CONNECTION: a database cached before the search index had its marked whole-name terms is
/// brought up to date through the product's ReindexAgencySearch use case (a fresh import needs nothing).
/// </summary>
internal static class IndexCheck
{
    public static async Task<int> Run(string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:Cebu"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddCebuCore(config);
        await using var sp = services.BuildServiceProvider();
        using var scope = sp.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.Cli("agency-lookup-bench");
        var db = scope.ServiceProvider.GetRequiredService<CebuDbContext>();
        var marked = await db.Set<AgencySearchTerm>().AnyAsync(t => string.Compare(t.Term, "\u0001") >= 0 && string.Compare(t.Term, "\u0003") < 0);
        if (marked)
        {
            Console.WriteLine("search index up to date");
            return 0;
        }
        var started = DateTime.UtcNow;
        var outcome = await scope.ServiceProvider.GetRequiredService<ReindexAgencySearch>().Handle(CancellationToken.None);
        if (!outcome.Ok) { Console.Error.WriteLine(outcome.Problem!.Detail); return 1; }
        Console.WriteLine($"search index rebuilt for {outcome.Value} agencies in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        return 0;
    }
}
