using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Contracts;

/// <summary>Where a contract on record stands: recorded (editable), submitted for verification, verified (frozen) or rejected.</summary>
public enum ContractStatus { Recorded, Submitted, Verified, Rejected }

/// <summary>
/// An employment contract on record (issue 4), owned by the worker's sending state. The receiving state where the
/// workplace is reads it (<see cref="WorkplaceState"/>, for attestation and inspections); the worker's consulate in that
/// state reads it too (<see cref="ContractAccess"/>). Once verified, its terms are frozen under <see cref="ContentHash"/>.
/// </summary>
public sealed class EmploymentContract : IOwnedByState, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The worker's sending state.</summary>
    [OwnerState] public string OwnerState { get; set; } = "";
    /// <summary>The receiving state where the workplace is.</summary>
    [SharedWithState] public string WorkplaceState { get; set; } = "";
    public Guid WorkerId { get; set; }
    /// <summary>The recruitment agency, when known (a registered agency of the sending state).</summary>
    public Guid? AgencyId { get; set; }
    public ContractTermsRecord Terms { get; set; } = new();
    public ContractStatus Status { get; set; } = ContractStatus.Recorded;
    /// <summary>The checker's findings at the last save (rule packs in force on the contract's date).</summary>
    public List<Finding> Findings { get; set; } = [];

    public string RecordedBy { get; set; } = "";
    public string? RecordedByOrganisationId { get; set; }
    /// <summary>The state whose official or agency recorded it: a receiving state records the contract a worker was handed on arrival.</summary>
    public string RecordedByState { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByOrganisationId { get; set; }
    public string? RejectionReasons { get; set; }
    /// <summary>Why a contract with violations was verified all the same.</summary>
    public string? OverrideReason { get; set; }
    /// <summary>SHA-256 (hex) of the canonical serialization of the terms and the document's hash, recorded at verification.</summary>
    public string? ContentHash { get; set; }
    /// <summary>The code printed on the verified contract; anyone checks it at /verify-contract.</summary>
    public string? CheckCode { get; set; }

    public DateTimeOffset? AttestedAt { get; set; }
    public string? AttestedBy { get; set; }
    public string? AttestedByOrganisationId { get; set; }
    public string? AttestationNote { get; set; }

    /// <summary>The verified contract this one was compared with (same worker and job), and every term that is worse.</summary>
    public Guid? ComparedWithContractId { get; set; }
    public List<TermDifference> Differences { get; set; } = [];

    public string? DocumentFileName { get; set; }
    public string? DocumentContentType { get; set; }
    public long? DocumentSize { get; set; }
    public string? DocumentSha256 { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsFrozen => Status == ContractStatus.Verified;

    /// <summary>Recorded on the sending side (the agency or the labour office): an offer to verify, not evidence found abroad.</summary>
    public bool IsOffer => RecordedByState == OwnerState;
}

/// <summary>The signed document's bytes, kept apart from the contract so that lists never load them.</summary>
public sealed class ContractDocument
{
    public Guid ContractId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>Who must see a substitution alert: the sending state's labour office, the receiving state's labour office, the worker's consulate there.</summary>
public enum AlertAudience { SendingState, ReceivingState, Consulate }

/// <summary>A contract recorded after a verified one for the same worker and job, with terms worse for the worker.</summary>
public sealed class ContractAlert : IOwnedByState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    [OwnerState] public string OwnerState { get; set; } = "";
    [SharedWithState] public string ReceivingState { get; set; } = "";
    public AlertAudience Audience { get; set; }
    public Guid WorkerId { get; set; }
    public string WorkerName { get; set; } = "";
    public Guid ContractId { get; set; }
    public Guid VerifiedContractId { get; set; }
    public string Employer { get; set; } = "";
    public List<TermDifference> Differences { get; set; } = [];
    public DateTimeOffset RaisedAt { get; set; }
    public string RaisedBy { get; set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgementNote { get; set; }
}

internal sealed class EmploymentContractConfiguration : IEntityTypeConfiguration<EmploymentContract>
{
    public void Configure(EntityTypeBuilder<EmploymentContract> c)
    {
        c.ToTable("EmploymentContracts");
        c.Property(x => x.OwnerState).HasMaxLength(2);
        c.Property(x => x.WorkplaceState).HasMaxLength(2);
        c.Property(x => x.RecordedByState).HasMaxLength(2);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.RecordedBy).HasMaxLength(256);
        c.Property(x => x.RecordedByOrganisationId).HasMaxLength(64);
        c.Property(x => x.SubmittedBy).HasMaxLength(256);
        c.Property(x => x.DecidedBy).HasMaxLength(256);
        c.Property(x => x.DecidedByOrganisationId).HasMaxLength(64);
        c.Property(x => x.RejectionReasons).HasMaxLength(2000);
        c.Property(x => x.OverrideReason).HasMaxLength(2000);
        c.Property(x => x.ContentHash).HasMaxLength(64);
        c.Property(x => x.CheckCode).HasMaxLength(16);
        c.Property(x => x.AttestedBy).HasMaxLength(256);
        c.Property(x => x.AttestedByOrganisationId).HasMaxLength(64);
        c.Property(x => x.AttestationNote).HasMaxLength(2000);
        c.Property(x => x.DocumentFileName).HasMaxLength(200);
        c.Property(x => x.DocumentContentType).HasMaxLength(64);
        c.Property(x => x.DocumentSha256).HasMaxLength(64);
        c.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(c.Property(x => x.Terms));
        CebuDbContext.JsonColumn(c.Property(x => x.Findings));
        CebuDbContext.JsonColumn(c.Property(x => x.Differences));
        c.Ignore(x => x.IsFrozen);
        c.Ignore(x => x.IsOffer);
        c.HasIndex(x => x.CheckCode).IsUnique();
        c.HasIndex(x => new { x.WorkerId, x.Status });
        c.HasIndex(x => new { x.OwnerState, x.Status });
        c.HasIndex(x => new { x.WorkplaceState, x.Status });
        c.HasOne<Workers.Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractDocumentConfiguration : IEntityTypeConfiguration<ContractDocument>
{
    public void Configure(EntityTypeBuilder<ContractDocument> d)
    {
        d.ToTable("ContractDocuments");
        d.HasKey(x => x.ContractId);
        d.HasOne<EmploymentContract>().WithOne().HasForeignKey<ContractDocument>(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractAlertConfiguration : IEntityTypeConfiguration<ContractAlert>
{
    public void Configure(EntityTypeBuilder<ContractAlert> a)
    {
        a.ToTable("ContractAlerts");
        a.Property(x => x.OwnerState).HasMaxLength(2);
        a.Property(x => x.ReceivingState).HasMaxLength(2);
        a.Property(x => x.Audience).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.WorkerName).HasMaxLength(400);
        a.Property(x => x.Employer).HasMaxLength(200);
        a.Property(x => x.RaisedBy).HasMaxLength(256);
        a.Property(x => x.AcknowledgedBy).HasMaxLength(256);
        a.Property(x => x.AcknowledgementNote).HasMaxLength(1000);
        CebuDbContext.JsonColumn(a.Property(x => x.Differences));
        a.HasIndex(x => new { x.OwnerState, x.Audience, x.AcknowledgedAt });
        a.HasIndex(x => new { x.ReceivingState, x.Audience, x.AcknowledgedAt });
        a.HasOne<EmploymentContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
