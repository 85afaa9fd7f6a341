using System.Text.Json;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Core.Features.Contracts;

/// <summary>
/// A version of a state's rule pack published by one of its officials, in the same JSON as Packs/*.json. Versions are
/// only ever added: a contract dated before a version's <see cref="EffectiveFrom"/> keeps being judged by the older one.
/// </summary>
public sealed class PublishedRulePack
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Country { get; set; } = "";
    public string Version { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>The pack as published (validated JSON).</summary>
    public string Content { get; set; } = "";
    public string PublishedBy { get; set; } = "";
    public string? PublishedByOrganisation { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

public sealed class PublishedRulePackConfiguration : IEntityTypeConfiguration<PublishedRulePack>
{
    public void Configure(EntityTypeBuilder<PublishedRulePack> b)
    {
        b.ToTable("ContractRulePackVersions");
        b.Property(x => x.Country).HasMaxLength(3);
        b.Property(x => x.Version).HasMaxLength(40);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.PublishedByOrganisation).HasMaxLength(64);
        b.HasIndex(x => new { x.Country, x.EffectiveFrom }).IsUnique();
        b.HasIndex(x => new { x.Country, x.Version }).IsUnique();
    }
}

/// <summary>Who published a version (null for the versions shipped in the assembly).</summary>
public sealed record RulePackPublication(string By, string? Organisation, DateTimeOffset At);

/// <summary>The packs in force for checks: the shipped versions plus the published ones, and who published each.</summary>
public sealed record RulePackSnapshot(RulePacks Packs, IReadOnlyDictionary<string, RulePackPublication> Publications, int PublishedCount);

/// <summary>
/// The rule packs every check uses: those shipped in the assembly plus the versions officials published, held in
/// memory. A publication on this node is seen by the next check; on another node within <see cref="CheckInterval"/>
/// (at most one check per interval counts the published versions in the database, and reads them when the count changed).
/// </summary>
public sealed class RulePackStore(TimeProvider clock, IServiceScopeFactory scopes, bool seesLocalWrites = true)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private static long _localPublications;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile RulePackSnapshot? _snapshot;
    private long _seen = -1;
    private long _nextCheckTicks;

    /// <summary>Called after a publication committed on this node.</summary>
    internal static void Published() => Interlocked.Increment(ref _localPublications);

    public async ValueTask<RulePackSnapshot> CurrentAsync(CancellationToken ct)
    {
        var s = _snapshot;
        if (s is not null && Fresh()) return s;
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is { } fresh && Fresh()) return fresh;
            var signal = Interlocked.Read(ref _localPublications);
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System;
            var db = scope.ServiceProvider.GetRequiredService<CebuDbContext>();
            var rows = db.Set<PublishedRulePack>().AsNoTracking();
            var count = await rows.CountAsync(ct);
            if (_snapshot is not { } old || old.PublishedCount != count)
            {
                var published = await rows.OrderBy(p => p.Country).ThenBy(p => p.EffectiveFrom).ToListAsync(ct);
                var packs = published.Select(p => RulePackJson.Parse(p.Content)).ToList();
                _snapshot = new RulePackSnapshot(
                    new RulePacks(RulePacks.Shipped.All.Concat(packs), RulePacks.Shipped.Rates),
                    published.ToDictionary(p => $"{p.Country} {p.Version}", p => new RulePackPublication(p.PublishedBy, p.PublishedByOrganisation, p.PublishedAt)),
                    published.Count);
            }
            Interlocked.Exchange(ref _seen, signal);
            Interlocked.Exchange(ref _nextCheckTicks, (clock.GetUtcNow() + CheckInterval).UtcTicks);
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Fresh() =>
        (!seesLocalWrites || Interlocked.Read(ref _localPublications) == Interlocked.Read(ref _seen))
        && clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _nextCheckTicks);
}

/// <summary>Reads a pack's JSON (the format of Packs/*.json) field by field, naming the first bad field of each rule.</summary>
public static class RulePackJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The values each kind of rule must carry (beyond id, kind and citation).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>
    {
        ["minimumWage"] = ["amount", "currency", "per"],
        ["maxNormalHoursPerWeek"] = ["hours"],
        ["maxNormalHoursPerDay"] = ["hours"],
        ["weeklyRestDays"] = ["days"],
        ["annualLeaveDays"] = ["days"],
        ["overtimePremium"] = ["multiplier"],
        ["workerFeesAllowed"] = [],
        ["passportRetention"] = [],
        ["paymentInMoney"] = [],
        ["deductionsLimit"] = [],
        ["contractLanguage"] = [],
        ["noticeOfTermination"] = [],
        ["insurance"] = ["cover", "paidBy"],
    };

    public static RulePack Parse(string json) => JsonSerializer.Deserialize<RulePack>(json, Json) ?? throw new InvalidOperationException("A published rule pack is empty.");

    /// <summary>A pack for <paramref name="country"/>, or a problem naming each bad field ("rules[2].citation.source").</summary>
    public static Outcome<RulePack> Read(JsonElement body, string country)
    {
        var v = new Validation();
        if (body.ValueKind != JsonValueKind.Object)
        {
            v.Add("body", "Send the pack as a JSON object {country, name, version, effectiveFrom, rules, notes}, as in Packs/*.json.");
            return v.ToProblem();
        }
        var c = Str(body, "country", "country", v);
        if (c is not null && !c.Equals(country, StringComparison.OrdinalIgnoreCase)) v.Add("country", $"The pack is for '{c}' but is published to {country}: they must be the same.");
        Str(body, "name", "name", v);
        var version = Str(body, "version", "version", v);
        if (version is { Length: > 40 }) v.Add("version", "'version' has at most 40 characters.");
        if (Str(body, "effectiveFrom", "effectiveFrom", v) is { } from && !DateOnly.TryParseExact(from, "yyyy-MM-dd", out _))
            v.Add("effectiveFrom", "'effectiveFrom' must be a date yyyy-MM-dd.");
        if (!body.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array) v.Add("rules", "'rules' must be a list (it may be empty when no rule could be confirmed; say why in 'notes').");
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var rule in rules.EnumerateArray()) Rule(rule, $"rules[{i++}]", ids, v);
        }
        if (body.TryGetProperty("notes", out var notes) && notes.ValueKind != JsonValueKind.Null
            && (notes.ValueKind != JsonValueKind.Array || notes.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String)))
            v.Add("notes", "'notes' must be a list of strings.");
        if (v.HasErrors) return v.ToProblem();
        try
        {
            var pack = body.Deserialize<RulePack>(Json)!;
            return pack with { Country = pack.Country.ToUpperInvariant(), Notes = pack.Notes ?? [], Rules = pack.Rules ?? [] };
        }
        catch (JsonException e)
        {
            return Problem.Invalid(e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body", $"A value has the wrong type: {e.Message}");
        }
    }

    private static void Rule(JsonElement rule, string at, HashSet<string> ids, Validation v)
    {
        if (rule.ValueKind != JsonValueKind.Object) { v.Add(at, "Each rule must be an object {id, kind, ..., citation}."); return; }
        if (Str(rule, "id", $"{at}.id", v) is { } id && !ids.Add(id)) v.Add($"{at}.id", $"Rule id '{id}' appears twice in the pack.");
        var kind = Str(rule, "kind", $"{at}.kind", v);
        if (kind is not null && !Kinds.ContainsKey(kind)) v.Add($"{at}.kind", $"'{kind}' is not a known kind: {string.Join(", ", Kinds.Keys)}.");
        else if (kind is not null)
        {
            foreach (var field in Kinds[kind])
                if (!rule.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                    v.Add($"{at}.{field}", $"A {kind} rule needs '{field}'.");
            Values(rule, kind, at, v);
        }
        if (rule.TryGetProperty("severity", out var sev) && sev.ValueKind != JsonValueKind.Null
            && (sev.ValueKind != JsonValueKind.String || sev.GetString() is not (Severities.Violation or Severities.Warning or Severities.Information)))
            v.Add($"{at}.severity", "'severity' must be violation, warning or information.");
        if (!rule.TryGetProperty("citation", out var cite) || cite.ValueKind != JsonValueKind.Object)
        {
            v.Add($"{at}.citation", "Every rule needs a citation {law, article, checked, source}.");
            return;
        }
        Str(cite, "law", $"{at}.citation.law", v);
        Str(cite, "article", $"{at}.citation.article", v);
        if (Str(cite, "checked", $"{at}.citation.checked", v) is { } checkedOn && !DateOnly.TryParseExact(checkedOn, "yyyy-MM-dd", out _))
            v.Add($"{at}.citation.checked", "'checked' is the date the rule was checked against its source, yyyy-MM-dd.");
        if (Str(cite, "source", $"{at}.citation.source", v) is { } source
            && !(Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            v.Add($"{at}.citation.source", "'source' must be a public https address where the rule can be read.");
    }

    /// <summary>The kind's values are of the right type and range.</summary>
    private static void Values(JsonElement rule, string kind, string at, Validation v)
    {
        void Positive(string name, decimal max)
        {
            if (!rule.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return;
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var n) || n <= 0 || n > max) v.Add($"{at}.{name}", $"'{name}' must be a number above 0 and at most {max}.");
        }
        Positive("amount", 1_000_000_000m);
        Positive("maxAmount", 1_000_000_000m);
        Positive("hours", 168);
        Positive("days", 366);
        Positive("multiplier", 10);
        Positive("maxMonthsOfWage", 120);
        Positive("maxShareOfWage", 1);
        Positive("maxShareEach", 1);
        if (kind == "minimumWage" && rule.TryGetProperty("per", out var per) && per.ValueKind == JsonValueKind.String && !CheckContract.WagePeriods.Contains(per.GetString()))
            v.Add($"{at}.per", $"'per' must be one of: {string.Join(", ", CheckContract.WagePeriods)}.");
        if (rule.TryGetProperty("currency", out var cur) && cur.ValueKind != JsonValueKind.Null
            && (cur.ValueKind != JsonValueKind.String || cur.GetString() is not { Length: 3 } code || !code.All(char.IsAsciiLetterUpper)))
            v.Add($"{at}.currency", "'currency' must be an ISO 4217 code in capitals, e.g. MYR.");
        if (kind == "insurance" && rule.TryGetProperty("paidBy", out var payer) && payer.ValueKind == JsonValueKind.String && !CheckContract.InsurancePayers.Contains(payer.GetString()))
            v.Add($"{at}.paidBy", $"'paidBy' must be one of: {string.Join(", ", CheckContract.InsurancePayers)}.");
        if (kind == "deductionsLimit" && !rule.TryGetProperty("maxShareOfWage", out _) && !rule.TryGetProperty("maxShareEach", out _) && !rule.TryGetProperty("forbiddenPurposes", out _))
            v.Add($"{at}.maxShareOfWage", "A deductionsLimit rule needs maxShareOfWage, maxShareEach or forbiddenPurposes.");
        if (kind == "workerFeesAllowed" && !rule.TryGetProperty("none", out _) && !rule.TryGetProperty("maxMonthsOfWage", out _) && !rule.TryGetProperty("maxAmount", out _))
            v.Add($"{at}.none", "A workerFeesAllowed rule needs none: true, maxMonthsOfWage or maxAmount with currency.");
        if (kind == "workerFeesAllowed" && rule.TryGetProperty("maxAmount", out _) && !rule.TryGetProperty("currency", out _))
            v.Add($"{at}.currency", "A fee cap in money (maxAmount) needs its currency.");
    }

    private static string? Str(JsonElement obj, string name, string field, Validation v) =>
        CheckContract.Text(obj, name, v, required: true, field, maxLength: int.MaxValue);
}

/// <summary>
/// An official publishes a new version of their own state's rule pack (issue 4). With <c>dryRun</c> the pack is only
/// validated. The version takes effect from its effectiveFrom, which must be later than every version already held,
/// so a contract is always judged by the law in force on its date.
/// </summary>
public sealed class PublishRulePack(CebuDbContext db, RulePackStore store)
{
    public sealed record Result(string Country, string Version, string EffectiveFrom, int Rules, bool Published, string? PublishedBy, DateTimeOffset? PublishedAt);

    public async Task<Outcome<Result>> Handle(string country, JsonElement body, bool dryRun, CancellationToken ct)
    {
        var who = db.Access;
        country = country.ToUpperInvariant();
        if (!who.Has(Permissions.ContractRulesPublish) || who.State is null)
            return Problem.Forbidden("Only a state's labour officers and labour inspectors publish its rule pack.");
        if (!country.Equals(who.State, StringComparison.Ordinal))
            return Problem.Forbidden($"You act for {who.State}: you may publish {who.State}'s rule pack, not {country}'s.");
        var read = RulePackJson.Read(body, country);
        if (!read.Ok) return read.Problem!;
        var pack = read.Value!;
        var current = (await store.CurrentAsync(ct)).Packs.All.Where(p => p.Country == country).ToList();
        if (current.MaxBy(p => p.EffectiveFrom) is { } latest && pack.EffectiveFrom <= latest.EffectiveFrom)
            return Problem.Invalid("effectiveFrom", $"'effectiveFrom' must be later than {latest.EffectiveFrom:yyyy-MM-dd}, when the current version ({latest.Version}) took effect.");
        if (current.Any(p => p.Version == pack.Version))
            return Problem.Invalid("version", $"{country} already has a version '{pack.Version}': give the new one another name.");
        if (dryRun) return new Result(country, pack.Version, pack.EffectiveFrom.ToString("yyyy-MM-dd"), pack.Rules.Count, false, null, null);

        var now = db.Clock.GetUtcNow();
        var row = new PublishedRulePack
        {
            Country = country, Version = pack.Version, EffectiveFrom = pack.EffectiveFrom,
            Content = JsonSerializer.Serialize(pack, JsonSerializerOptions.Web),
            PublishedBy = who.UserName ?? "unknown", PublishedByOrganisation = who.OrganisationId, PublishedAt = now,
        };
        db.Add(row);
        db.AuditAction = "contracts.pack.publish";
        db.AuditReason = $"Rule pack {country} {pack.Version} published, in force from {pack.EffectiveFrom:yyyy-MM-dd} ({pack.Rules.Count} rules).";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another official published a version with the same date or name at the same moment.
            return Problem.Invalid("effectiveFrom", $"{country} already has a version from {pack.EffectiveFrom:yyyy-MM-dd} or named '{pack.Version}': reload the list and choose a later date.");
        }
        RulePackStore.Published();
        return new Result(country, pack.Version, pack.EffectiveFrom.ToString("yyyy-MM-dd"), pack.Rules.Count, true, row.PublishedBy, now);
    }
}
