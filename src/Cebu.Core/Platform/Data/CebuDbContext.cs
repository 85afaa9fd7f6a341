using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Platform.Data;

/// <summary>A record whose edits are checked for concurrency; the version travels as the ETag.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// The one database. Features add their entities through IEntityTypeConfiguration classes in this assembly;
/// the row rules of Platform/Access are applied here as query filters, and every write is audited here.
/// </summary>
public sealed class CebuDbContext(DbContextOptions<CebuDbContext> options, IAccessContext access, TimeProvider clock)
    : IdentityDbContext<CebuUser>(options), IDataProtectionKeyContext
{
    public IAccessContext Access { get; } = access;
    public TimeProvider Clock { get; } = clock;

    /// <summary>Why the pending writes are made; recorded on their audit events. Cleared after each save.</summary>
    public string? AuditReason { get; set; }
    /// <summary>A named action for the pending writes, such as "agency.suspend"; otherwise created/updated/deleted.</summary>
    public string? AuditAction { get; set; }

    private readonly List<(string Type, string Id)> _reads = [];

    /// <summary>Records that the caller read a person's record; written to the audit chain at the next save.</summary>
    public void RecordRead(string recordType, string recordId) => _reads.Add((recordType, recordId));

    private readonly List<PendingAudit> _actions = [];

    /// <summary>
    /// Records an action that wrote rows without tracking them as entities (a bulk load), as one audit event at the next
    /// save, in the same chain as every other write.
    /// </summary>
    public void RecordAction(string action, string recordType, string recordId, string? fields, string? reason) =>
        _actions.Add(new PendingAudit(null, action, fields ?? "", recordType, recordId, reason));

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Used by query filters: EF parameterises these per context instance.
    internal bool IsSystem => Access.IsSystem;
    internal string? CurrentState => Access.State;
    internal string? CurrentOrganisation => Access.OrganisationId;

    /// <summary>Agencies were saved in the open transaction: the public registry re-reads them when it commits.</summary>
    internal bool AgenciesWrittenInTransaction { get; set; }

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CebuDbContext).Assembly);

        builder.Entity<Organisation>(o =>
        {
            o.Property(x => x.Id).HasMaxLength(64);
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            o.Property(x => x.HomeState).HasMaxLength(2);
            o.Property(x => x.LocatedIn).HasMaxLength(2);
        });
        builder.Entity<CebuUser>(u =>
        {
            u.Property(x => x.OrganisationId).HasMaxLength(64);
            u.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AuditEvent>(a =>
        {
            a.HasKey(x => x.Sequence);
            a.Property(x => x.Sequence).ValueGeneratedNever();
            a.Property(x => x.Hash).HasMaxLength(64);
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.HasIndex(x => new { x.RecordType, x.RecordId });
        });

        // Byte-order comparison on PostgreSQL, as SQLite's BINARY, so that a prefix is one contiguous index range.
        if (IsPostgres)
            foreach (var prop in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
                if (prop.PropertyInfo?.GetCustomAttribute<BinaryCollationAttribute>() is not null) prop.SetCollation("C");

        // Every entity that belongs to a state gets the row rule of Platform/Access as a safety net:
        // r => IsSystem || r.[OwnerState] == CurrentState (|| r.[SharedWithState] == CurrentState).
        var self = Expression.Constant(this);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOwnedByState).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var r = Expression.Parameter(entity.ClrType, "r");
            var current = Expression.Property(self, nameof(CurrentState));
            Expression rule = Expression.Property(self, nameof(IsSystem));
            foreach (var prop in entity.ClrType.GetProperties())
            {
                if (prop.GetCustomAttribute<OwnerStateAttribute>() is null && prop.GetCustomAttribute<SharedWithStateAttribute>() is null) continue;
                rule = Expression.OrElse(rule, Expression.Equal(Expression.Property(r, prop), current));
            }
            if (rule is MemberExpression)
                throw new InvalidOperationException($"{entity.ClrType.Name} is owned by a state but marks no property [OwnerState].");
            entity.SetQueryFilter(Expression.Lambda(rule, r));
        }

        // Records held by one organisation (cases): r => IsSystem || r.[OwnerOrganisation] == CurrentOrganisation.
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOwnedByOrganisation).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var r = Expression.Parameter(entity.ClrType, "r");
            var owner = entity.ClrType.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<OwnerOrganisationAttribute>() is not null)
                ?? throw new InvalidOperationException($"{entity.ClrType.Name} is owned by an organisation but marks no property [OwnerOrganisation].");
            var rule = Expression.OrElse(Expression.Property(self, nameof(IsSystem)),
                Expression.Equal(Expression.Property(r, owner), Expression.Property(self, nameof(CurrentOrganisation))));
            entity.SetQueryFilter(Expression.Lambda(rule, r));
        }
    }

    /// <summary>Stores a list or object as JSON text on both providers.</summary>
    public static PropertyBuilder<T> JsonColumn<T>(PropertyBuilder<T> property) where T : class, new() =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                s => string.IsNullOrEmpty(s) ? new T() : JsonSerializer.Deserialize<T>(s, JsonSerializerOptions.Web) ?? new T(),
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = CollectAuditEntries();
        var agencies = pending.Any(p => p.Entry?.Entity is Features.Agencies.Agency);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var events = await ChainAsync(pending, cancellationToken);
                try
                {
                    var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                    if (agencies && Database.CurrentTransaction is null) Features.Agencies.AgencyWriteSignal.Raise();
                    else if (agencies) AgenciesWrittenInTransaction = true;
                    return saved;
                }
                catch (DbUpdateException) when (attempt < 8 && events.Count > 0)
                {
                    // Another writer may have appended to the chain between our read of its head and our insert.
                    if (!await ChainMovedAsync(events[0].PreviousHash, cancellationToken)) throw;
                    foreach (var e in events) Entry(e).State = EntityState.Detached;
                }
            }
        }
        finally
        {
            AuditReason = null;
            AuditAction = null;
        }
    }

    private sealed record PendingAudit(EntityEntry? Entry, string Action, string Fields, string? Type = null, string? Id = null, string? Reason = null);

    private List<PendingAudit> CollectAuditEntries()
    {
        ChangeTracker.DetectChanges();
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent or DataProtectionKey || entry.Metadata.ClrType.Name.EndsWith("SearchTerm", StringComparison.Ordinal)) continue;
            if (entry.State is EntityState.Modified && entry.Entity is IVersioned versioned) versioned.Version++;
            var (action, fields) = entry.State switch
            {
                EntityState.Added => ("created", entry.Properties.Where(p => p.CurrentValue is not null).Select(p => p.Metadata.Name)),
                EntityState.Modified => ("updated", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)),
                EntityState.Deleted => ("deleted", Enumerable.Empty<string>()),
                _ => (null, Enumerable.Empty<string>()),
            };
            if (action is null) continue;
            list.Add(new PendingAudit(entry, AuditAction ?? action, string.Join(',', fields.Where(f => f is not "Version" and not "ConcurrencyStamp" and not "SecurityStamp"))));
        }
        list.AddRange(_reads.Select(r => new PendingAudit(null, "read", "", r.Type, r.Id)));
        _reads.Clear();
        list.AddRange(_actions);
        _actions.Clear();
        return list;
    }

    private async Task<List<AuditEvent>> ChainAsync(List<PendingAudit> pending, CancellationToken ct)
    {
        var events = new List<AuditEvent>(pending.Count);
        if (pending.Count == 0) return events;
        var head = await AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditEvent.Genesis;
        var now = Clock.GetUtcNow();
        now = new DateTimeOffset(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        foreach (var p in pending)
        {
            var e = new AuditEvent
            {
                Sequence = ++sequence,
                At = now,
                UserId = Access.UserId,
                UserName = Access.UserName,
                OrganisationId = Access.OrganisationId,
                Action = p.Action,
                RecordType = p.Entry?.Metadata.ClrType.Name ?? p.Type!,
                RecordId = p.Entry is null ? p.Id! : KeyOf(p.Entry),
                ChangedFields = p.Fields.Length == 0 ? null : p.Fields,
                Reason = p.Entry is null ? p.Reason : AuditReason,
                PreviousHash = previous,
            };
            e.Hash = e.ComputeHash();
            previous = e.Hash;
            AuditEvents.Add(e);
            events.Add(e);
        }
        return events;
    }

    private async Task<bool> ChainMovedAsync(string previousHashWeUsed, CancellationToken ct)
    {
        var head = await AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        return (head ?? AuditEvent.Genesis) != previousHashWeUsed;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join('/', key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}


/// <summary>Compare this text column byte by byte on every provider (prefix searches over an index).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BinaryCollationAttribute : Attribute;
