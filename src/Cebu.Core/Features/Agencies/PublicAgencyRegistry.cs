using System.Collections.Immutable;
using System.Data.Common;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Core.Features.Agencies;

/// <summary>
/// The public registry (what anyone may know of every licence, access rule 6) held in memory on each node, so that
/// the public look-up, the most frequent request Cebu answers, reads no database at all in the common case.
/// </summary>
/// <remarks>
/// <para>A snapshot is a sorted array of the search terms (<see cref="AgencySearchIndex.PublicTermsFor"/>: the database's prefix terms and the marked whole names and licence numbers),
/// each pointing to an agency's public columns, plus an overlay of agencies changed since the array was built.
/// The database stays the only source of truth: a snapshot is built from it and kept up to date from the audit
/// chain, whose sequence numbers grow with every committed write (a writer appends only after the previous
/// writer committed, see <see cref="CebuDbContext"/>), so "agencies whose audit events are newer than the
/// snapshot's" is exactly what changed.</para>
/// <para>Freshness: a write on this node marks the snapshot stale when it commits, and the next look-up first
/// reads what changed (one indexed query), so a licensing officer's suspension shows at once. Writes on other
/// nodes show within <see cref="CheckInterval"/>: at most one look-up per interval asks the database for the audit
/// chain's head. When many agencies changed at once (an import), the snapshot is rebuilt instead.</para>
/// </remarks>
public sealed class PublicAgencyRegistry(TimeProvider clock, IServiceScopeFactory scopes, bool seesLocalWrites = true)
{
    /// <summary>How often a node checks for writes made by other nodes.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    /// <summary>Beyond this many changed agencies, rebuilding is cheaper than an overlay.</summary>
    internal const int OverlayLimit = 2000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long _seenSignal = -1;
    private long _nextCheckTicks;

    /// <summary>An agency's public columns and the folded keys the ranking compares.</summary>
    internal sealed class Entry
    {
        public required Guid Id { get; init; }
        public required string LicenceNumber { get; init; }
        public required string LegalName { get; init; }
        public required IReadOnlyList<string> OtherNames { get; init; }
        public required string LicensingState { get; init; }
        public required LicenceStatus Status { get; init; }
        public required DateOnly ValidUntil { get; init; }
        public required IReadOnlyList<string> Destinations { get; init; }
        public required IReadOnlyList<string> Sectors { get; init; }
        public DateOnly? StatusSince { get; init; }
        public string? StatusReason { get; init; }
        /// <summary>Folded licence number, then folded names (legal first): what <see cref="LookupAgencies.RankKeys"/> compares.</summary>
        public required string LicenceKey { get; init; }
        public required string[] NameKeys { get; init; }
        /// <summary>The agency's search terms (<see cref="AgencySearchIndex.PublicTermsFor"/>).</summary>
        public required string[] Terms { get; init; }
        /// <summary>Where the agency's terms sit in the snapshot's sorted array (a base agency only): "has a term in this range" is then integer compares.</summary>
        public int[] Positions { get; set; } = [];
    }

    /// <summary>One immutable state of the registry; look-ups read it without locks.</summary>
    internal sealed class Snapshot(Entry[] agencies, string[] terms, int[] owners, ImmutableDictionary<Guid, Entry?> overlay, long sequence)
    {
        public Entry[] Agencies { get; } = agencies;
        /// <summary>Every search term of the base agencies, sorted by ordinal (byte) order, as the database index.</summary>
        public string[] Terms { get; } = terms;
        /// <summary>For each term, the index in <see cref="Agencies"/> of the agency it belongs to.</summary>
        public int[] Owners { get; } = owners;
        /// <summary>Agencies changed since the arrays were built: the new state, or null when it no longer exists.</summary>
        public ImmutableDictionary<Guid, Entry?> Overlay { get; } = overlay;
        /// <summary>The audit chain's head when this snapshot was last brought up to date.</summary>
        public long Sequence { get; } = sequence;

        /// <summary>The first index whose term is not ordinally below <paramref name="key"/>.</summary>
        public int LowerBound(string key)
        {
            int lo = 0, hi = Terms.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (string.CompareOrdinal(Terms[mid], key) < 0) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>The base agency a term points to, or null when the overlay replaced or removed it.</summary>
        public Entry? BaseOwner(int termIndex)
        {
            var a = Agencies[Owners[termIndex]];
            return Overlay.IsEmpty || !Overlay.ContainsKey(a.Id) ? a : null;
        }
    }

    /// <summary>Builds the in-memory copy now (at start-up), so that the first worker to check an agency does not wait for it.</summary>
    public async Task WarmAsync(CancellationToken ct) => await CurrentAsync(ct);

    /// <summary>The current snapshot, built or brought up to date first when needed.</summary>
    internal async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var s = _snapshot;
        if (s is not null && UpToDate()) return s;
        if (s is not null && !Unheard())
        {
            // Only the periodic check for other nodes' writes: one caller makes it, the others go on with what they have.
            if (!_gate.Wait(0)) return s;
        }
        else await _gate.WaitAsync(ct);
        try
        {
            // Callers that waited while another brought the copy up to date use it as it is.
            if (_snapshot is { } fresh && UpToDate()) return fresh;
            Interlocked.Exchange(ref _seenSignal, AgencyWriteSignal.Current);
            Interlocked.Exchange(ref _nextCheckTicks, (clock.GetUtcNow() + CheckInterval).UtcTicks);
            // A database context only when the database is read: most look-ups never need one.
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System;
            var db = scope.ServiceProvider.GetRequiredService<CebuDbContext>();
            s = _snapshot;
            s = s is null ? await BuildAsync(db, ct) : await RefreshAsync(db, s, ct);
            _snapshot = s;
            return s;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A local write committed since the copy was last brought up to date. A registry that stands for another
    /// node (tests) does not hear this process's writes: only its periodic check.</summary>
    private bool Unheard() => seesLocalWrites && AgencyWriteSignal.Current != Interlocked.Read(ref _seenSignal);

    private bool UpToDate() => !Unheard() && clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _nextCheckTicks);

    /// <summary>The public columns only (no contacts, principals or history).</summary>
    private static IQueryable<Agency> Public(CebuDbContext db) => db.Set<Agency>().IgnoreQueryFilters().AsNoTracking()
        .Select(a => new Agency
        {
            Id = a.Id, LicenceNumber = a.LicenceNumber, LegalName = a.LegalName, OtherNames = a.OtherNames, LicensingState = a.LicensingState,
            Status = a.Status, ValidUntil = a.ValidUntil, Accreditations = a.Accreditations, StatusSince = a.StatusSince, StatusReason = a.StatusReason,
        });

    private static async Task<long> HeadAsync(CebuDbContext db, CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(ct);

    private static async Task<Snapshot> BuildAsync(CebuDbContext db, CancellationToken ct)
    {
        // The head first: a write committed while the agencies are read is read again at the next refresh.
        var head = await HeadAsync(db, ct);
        var agencies = (await Public(db).ToListAsync(ct)).Select(ToEntry).ToArray();
        var count = agencies.Sum(a => a.Terms.Length);
        var terms = new string[count];
        var owners = new int[count];
        var n = 0;
        for (var i = 0; i < agencies.Length; i++)
            foreach (var t in agencies[i].Terms) { terms[n] = t; owners[n] = i; n++; }
        Array.Sort(terms, owners, StringComparer.Ordinal);
        var filled = new int[agencies.Length];
        foreach (var a in agencies) a.Positions = new int[a.Terms.Length];
        for (var i = 0; i < owners.Length; i++) agencies[owners[i]].Positions[filled[owners[i]]++] = i;
        return new Snapshot(agencies, terms, owners, ImmutableDictionary<Guid, Entry?>.Empty, head);
    }

    private static async Task<Snapshot> RefreshAsync(CebuDbContext db, Snapshot s, CancellationToken ct)
    {
        var head = await HeadAsync(db, ct);
        if (head == s.Sequence) return s;
        var type = nameof(Agency);
        var changed = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > s.Sequence && e.Sequence <= head && e.RecordType == type && e.Action != "read")
            .Select(e => e.RecordId).Distinct().Take(OverlayLimit + 1).ToListAsync(ct);
        if (changed.Count == 0) return new Snapshot(s.Agencies, s.Terms, s.Owners, s.Overlay, head);
        if (changed.Count + s.Overlay.Count > OverlayLimit) return await BuildAsync(db, ct);
        var ids = changed.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var rows = (await Public(db).Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
        var overlay = s.Overlay.ToBuilder();
        foreach (var id in ids) overlay[id] = rows.TryGetValue(id, out var a) ? ToEntry(a) : null;
        return new Snapshot(s.Agencies, s.Terms, s.Owners, overlay.ToImmutable(), head);
    }

    private static Entry ToEntry(Agency a) => new()
    {
        Id = a.Id,
        LicenceNumber = a.LicenceNumber,
        LegalName = a.LegalName,
        OtherNames = a.OtherNames.Select(n => n.Name).ToArray(),
        LicensingState = a.LicensingState,
        Status = a.Status,
        ValidUntil = a.ValidUntil,
        Destinations = a.Accreditations.Select(d => d.Destination).Distinct().ToArray(),
        Sectors = a.Accreditations.Select(d => d.Sector).Distinct().ToArray(),
        StatusSince = a.StatusSince,
        StatusReason = a.StatusReason,
        LicenceKey = NameFolding.Key(a.LicenceNumber),
        NameKeys = a.AllNames().Select(NameFolding.Key).ToArray(),
        Terms = AgencySearchIndex.PublicTermsFor(a).ToArray(),
    };
}

/// <summary>
/// Counts committed writes to agencies in this process, so that the node's <see cref="PublicAgencyRegistry"/>
/// reads them before its next answer. Process-wide on purpose: every registry in the process (one per app) re-checks.
/// </summary>
internal static class AgencyWriteSignal
{
    private static long _current;
    public static long Current => Interlocked.Read(ref _current);
    public static void Raise() => Interlocked.Increment(ref _current);
}

/// <summary>
/// Raises <see cref="AgencyWriteSignal"/> when a transaction in which agencies were saved commits (a save outside
/// a transaction raises it itself, see <see cref="CebuDbContext"/>).
/// </summary>
internal sealed class AgencyCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AgencyCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData);
        return Task.CompletedTask;
    }

    private static void Committed(TransactionEndEventData e)
    {
        if (e.Context is CebuDbContext { AgenciesWrittenInTransaction: true } db)
        {
            db.AgenciesWrittenInTransaction = false;
            AgencyWriteSignal.Raise();
        }
    }

    private static void RolledBack(TransactionEndEventData e)
    {
        if (e.Context is CebuDbContext db) db.AgenciesWrittenInTransaction = false;
    }
}
