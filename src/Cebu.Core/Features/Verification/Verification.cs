using Cebu.Core.Features.Workers;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Verification;

/// <summary>Where a batch stands: waiting for the matcher, being matched, matched with requests left to decide, or every request decided.</summary>
public enum BatchStatus { Queued, Matching, AwaitingDecisions, Completed }

/// <summary>What the matcher found for one request (see <see cref="VerificationModel"/> for the thresholds).</summary>
public enum MatchOutcome { Pending, Matched, Possible, NotFound }

/// <summary>The sending state's officer's decision on a request.</summary>
public enum Decision { Undecided, Confirmed, Rejected }

/// <summary>Which of the sending state's registries the candidate record comes from.</summary>
public enum CandidateSource { CivilRegistry, WorkerRegistry }

/// <summary>
/// A batch of nationality verification requests sent by a receiving state (e.g. TH) to a sending state (e.g. KH), which
/// matches them against its registries and decides (seminar report §24, §44; Declaration art. 2). Both states see the
/// batch (<see cref="ToState"/> owns it, <see cref="FromState"/> shares it); only the sending state sees the registry records.
/// </summary>
public sealed class VerificationBatch : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The sending state asked to verify: it matches and decides.</summary>
    [OwnerState] public string ToState { get; set; } = "";
    /// <summary>The receiving state that sent the batch.</summary>
    [SharedWithState] public string FromState { get; set; } = "";
    public string OwnerState => ToState;
    public string? Reference { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string? SubmittedByOrganisationId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateOnly Deadline { get; set; }
    public BatchStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Matched { get; set; }
    public int Possible { get; set; }
    public int NotFound { get; set; }
    public int Confirmed { get; set; }
    public int Rejected { get; set; }
    public DateTimeOffset? MatchedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One block of a batch's requests for the background matcher. A node takes a block by setting a lease (owner, until)
/// in one conditional update, so that two nodes never match the same block; a block whose lease ran out (a node stopped)
/// is taken again, so matching resumes after a restart.
/// </summary>
public sealed class VerificationBlock
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public int Number { get; set; }
    public string? LeaseOwner { get; set; }
    /// <summary>When the lease runs out, in Unix milliseconds (an integer compares the same way on both databases).</summary>
    public long? LeaseUntilMs { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>One comparison behind a score: the field, both values, the agreement level and its weight (log2 m/u).</summary>
public sealed class Evidence
{
    public string Field { get; set; } = "";
    public string? Declared { get; set; }
    public string? Found { get; set; }
    public string Level { get; set; } = "";
    public double Weight { get; set; }
}

/// <summary>The identity a worker declared, as the receiving state sends it, and what became of it.</summary>
public sealed class VerificationRequest : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public int Block { get; set; }
    /// <summary>The row's line in the uploaded CSV (or its position in the JSON list, from 1).</summary>
    public int Line { get; set; }
    [OwnerState] public string ToState { get; set; } = "";
    [SharedWithState] public string FromState { get; set; } = "";
    public string OwnerState => ToState;

    /// <summary>The receiving state's own reference for the worker (its registration or permit application number).</summary>
    public string LocalReference { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string GivenNames { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string? PlaceOfBirth { get; set; }
    public string? FatherName { get; set; }
    public string? MotherName { get; set; }
    /// <summary>Old document numbers the worker remembers (passport, identity card), separated by ';'.</summary>
    public string? OldDocumentNumbers { get; set; }

    public MatchOutcome Outcome { get; set; }
    public double Score { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
    public CandidateSource? CandidateSource { get; set; }
    public Guid? CandidateId { get; set; }
    public DateTimeOffset? MatchedAt { get; set; }

    public Decision Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    public DateOnly? CertificateValidUntil { get; set; }
    public int Version { get; set; }

    public string FullName => $"{GivenNames} {FamilyName}".Trim();
}

/// <summary>
/// One person in the importable extract of a sending state's civil or passport registry. Seen only by that state's
/// officials who verify nationality (<see cref="Permissions.VerificationRegistry"/>); never by the requesting state.
/// </summary>
public sealed class CivilRegistryRecord : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [OwnerState] public string State { get; set; } = "";
    public string OwnerState => State;
    /// <summary>The registry's own number for the person (unique within the state's extract).</summary>
    public string RegistryNumber { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string GivenNames { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string? PlaceOfBirth { get; set; }
    public string? FatherName { get; set; }
    public string? MotherName { get; set; }
    /// <summary>Documents issued to the person (identity card, passport), separated by ';'.</summary>
    public string? DocumentNumbers { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    // Blocking keys (VerificationModel): indexed, so that matching reads candidates, not the extract.
    public string KeyName { get; set; } = "";
    public int KeyDate { get; set; }
    public string KeyDocument { get; set; } = "";

    public string FullName => $"{GivenNames} {FamilyName}".Trim();
}

/// <summary>Who sees what of nationality verification, written once.</summary>
public static class VerificationAccess
{
    /// <summary>Both states see a batch and its requests' outcomes; the row filter already limits rows to them.</summary>
    public static bool CanSee(IAccessContext who, VerificationBatch b) =>
        who.IsSystem || (who.Has(Permissions.VerificationView) && who.State is not null && (who.State == b.ToState || who.State == b.FromState) && !WorkerAccess.IsPostedAbroad(who));

    /// <summary>The sending state's verifying officers: they see candidates, evidence and registry records, and decide.</summary>
    public static bool IsVerifier(IAccessContext who, string toState) =>
        who.IsSystem || (who.Has(Permissions.VerificationRegistry) && who.State == toState && !WorkerAccess.IsPostedAbroad(who));
}

internal sealed class VerificationBatchConfiguration : IEntityTypeConfiguration<VerificationBatch>
{
    public void Configure(EntityTypeBuilder<VerificationBatch> b)
    {
        b.Property(x => x.ToState).HasMaxLength(2);
        b.Property(x => x.FromState).HasMaxLength(2);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.SubmittedByOrganisationId).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.OwnerState);
        b.HasIndex(x => new { x.ToState, x.SubmittedAt });
        b.HasIndex(x => new { x.FromState, x.SubmittedAt });
    }
}

internal sealed class VerificationBlockConfiguration : IEntityTypeConfiguration<VerificationBlock>
{
    public void Configure(EntityTypeBuilder<VerificationBlock> b)
    {
        b.Property(x => x.LeaseOwner).HasMaxLength(128);
        b.HasOne<VerificationBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BatchId, x.Number }).IsUnique();
        b.HasIndex(x => x.DoneAt);
    }
}

internal sealed class VerificationRequestConfiguration : IEntityTypeConfiguration<VerificationRequest>
{
    public void Configure(EntityTypeBuilder<VerificationRequest> r)
    {
        r.Property(x => x.ToState).HasMaxLength(2);
        r.Property(x => x.FromState).HasMaxLength(2);
        r.Property(x => x.LocalReference).HasMaxLength(VerificationInput.MaxText);
        r.Property(x => x.FamilyName).HasMaxLength(VerificationInput.MaxName);
        r.Property(x => x.GivenNames).HasMaxLength(VerificationInput.MaxName);
        r.Property(x => x.PlaceOfBirth).HasMaxLength(VerificationInput.MaxText);
        r.Property(x => x.FatherName).HasMaxLength(VerificationInput.MaxName);
        r.Property(x => x.MotherName).HasMaxLength(VerificationInput.MaxName);
        r.Property(x => x.OldDocumentNumbers).HasMaxLength(VerificationInput.MaxText);
        r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.CandidateSource).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.DecidedBy).HasMaxLength(256);
        r.Property(x => x.DecisionReason).HasMaxLength(2000);
        r.Property(x => x.CertificateNumber).HasMaxLength(24);
        r.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(r.Property(x => x.Evidence));
        r.Ignore(x => x.OwnerState);
        r.Ignore(x => x.FullName);
        r.HasOne<VerificationBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.BatchId, x.Block });
        r.HasIndex(x => new { x.BatchId, x.Line });
        r.HasIndex(x => x.CertificateNumber).IsUnique();
    }
}

internal sealed class CivilRegistryRecordConfiguration : IEntityTypeConfiguration<CivilRegistryRecord>
{
    public void Configure(EntityTypeBuilder<CivilRegistryRecord> c)
    {
        c.Property(x => x.State).HasMaxLength(2);
        c.Property(x => x.RegistryNumber).HasMaxLength(40);
        c.Property(x => x.FamilyName).HasMaxLength(VerificationInput.MaxName);
        c.Property(x => x.GivenNames).HasMaxLength(VerificationInput.MaxName);
        c.Property(x => x.PlaceOfBirth).HasMaxLength(VerificationInput.MaxText);
        c.Property(x => x.FatherName).HasMaxLength(VerificationInput.MaxName);
        c.Property(x => x.MotherName).HasMaxLength(VerificationInput.MaxName);
        c.Property(x => x.DocumentNumbers).HasMaxLength(VerificationInput.MaxText);
        c.Property(x => x.KeyName).HasMaxLength(64);
        c.Property(x => x.KeyDocument).HasMaxLength(40);
        c.Ignore(x => x.OwnerState);
        c.Ignore(x => x.FullName);
        c.HasIndex(x => new { x.State, x.RegistryNumber }).IsUnique();
        c.HasIndex(x => new { x.State, x.KeyName });
        c.HasIndex(x => new { x.State, x.KeyDate });
        c.HasIndex(x => new { x.State, x.KeyDocument });
    }
}
