using System.Diagnostics;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform;
using Cebu.Core.Platform.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// profile PROVIDER CONNECTION DATADIR [SECONDS]: calls the look-up use case in-process (no HTTP), one scope per call
/// as a request has, over the query mix, and prints the mean time per kind of query. Where the time goes, not a
/// load figure: run.sh gives those.
/// </summary>
internal static class Profile
{
    public static async Task<int> Run(string provider, string connection, string dataDir, int seconds, string? onlyKind)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:Cebu"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddCebuCore(config);
        await using var sp = services.BuildServiceProvider();
        var queries = File.ReadLines(Path.Combine(dataDir, "queries-readable.tsv")).Select(l => l.Split('\t')).Select(f => (kind: f[0], text: f[1])).Where(q => onlyKind is null || q.kind == onlyKind).ToList();
        var byKind = new Dictionary<string, (long ticks, int n)>();
        var all = Stopwatch.StartNew();
        var i = 0;
        var warm = DateTime.UtcNow.AddSeconds(Math.Min(5, seconds / 3));
        var end = DateTime.UtcNow.AddSeconds(seconds);
        TimeSpan cpu0 = default;
        var counting = false;
        while (DateTime.UtcNow < end)
        {
            var (kind, text) = queries[i++ % queries.Count];
            var t0 = Stopwatch.GetTimestamp();
            using (var scope = sp.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.Public;
                var outcome = await scope.ServiceProvider.GetRequiredService<LookupAgencies>().Handle(text, CancellationToken.None);
                if (!outcome.Ok) throw new InvalidOperationException($"{text}: {outcome.Problem!.Title}");
            }
            if (DateTime.UtcNow < warm) continue;
            if (!counting) { counting = true; cpu0 = Process.GetCurrentProcess().TotalProcessorTime; continue; }
            var dt = Stopwatch.GetTimestamp() - t0;
            byKind[kind] = byKind.TryGetValue(kind, out var v) ? (v.ticks + dt, v.n + 1) : (dt, 1);
        }
        var total = byKind.Values.Sum(v => v.ticks);
        var count = byKind.Values.Sum(v => v.n);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine($"{provider}: {count} look-ups, mean {Stopwatch.GetElapsedTime(0, total).TotalMicroseconds / count:0} µs wall, {cpu.TotalMicroseconds / count:0} µs CPU of this process");
        foreach (var (kind, (ticks, n)) in byKind.OrderByDescending(x => x.Value.ticks))
            Console.WriteLine($"  {kind,-22} {n,6} × {Stopwatch.GetElapsedTime(0, ticks).TotalMicroseconds / n,7:0} µs = {100.0 * ticks / total,5:0.0} % of the time");
        return 0;
    }
}
