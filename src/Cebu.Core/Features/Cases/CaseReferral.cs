using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Cases;

/// <summary>Where a referral stands. Sent, accepted and in progress are open; the others end it.</summary>
public enum ReferralStatus { Sent, Accepted, Declined, InProgress, Completed, Withdrawn }

/// <summary>
/// A referral of a case by the organisation that holds it (the sender) to another organisation, in the same state or
/// another (HTCDS cas_ReferredOrganisation), for one service, sharing the named fields only, with the worker's consent
/// recorded on the row. Two organisations see it: the sender (through its case) and the recipient (through
/// <see cref="ReferralAccess"/>, only while the referral and its consent are active). Not an
/// <c>IOwnedByOrganisation</c> row, since two organisations read it: every query goes through <see cref="ReferralAccess"/>.
/// </summary>
public sealed class CaseReferral : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>cas_ReferringOrganisation: the organisation that holds the case.</summary>
    public string SenderOrganisationId { get; set; } = "";
    public string SenderState { get; set; } = "";
    /// <summary>cas_ReferringPrimaryCaseWorker.</summary>
    public string SentBy { get; set; } = "";
    /// <summary>cas_OutgoingReferralDate.</summary>
    public DateTimeOffset SentAt { get; set; }
    /// <summary>cas_ReferredOrganisation.</summary>
    public string RecipientOrganisationId { get; set; } = "";
    /// <summary>The recipient's home state: a referral across the border has another state than the sender's.</summary>
    public string RecipientState { get; set; } = "";
    /// <summary>cebu_ReferralService (and through it spl_Type).</summary>
    public ReferralService Service { get; set; }
    /// <summary>cas_ReasonForOutgoingReferral.</summary>
    public ReferralReason Reason { get; set; }
    /// <summary>cas_OutgoingReferralDetails: what the sender asks for, in words (no more personal data than the fields shared).</summary>
    public string? Details { get; set; }
    /// <summary>The HTCDS / cebu_ field names shared: within <see cref="ConsentRules.FieldsFor"/> of the service.</summary>
    public List<string> Fields { get; set; } = [];

    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;
    /// <summary>Why it was declined or withdrawn, or the last report's note.</summary>
    public string? StatusReason { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
    public string StatusChangedBy { get; set; } = "";

    // The worker's consent (con_Consent), on the row.
    public string ConsentGivenBy { get; set; } = "";
    public ConsentGiver ConsentGivenByRole { get; set; }
    public ConsentForm ConsentForm { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }
    public DateTimeOffset ConsentUntil { get; set; }
    public string ConsentRecordedBy { get; set; } = "";
    public DateTimeOffset? ConsentRevokedAt { get; set; }
    public string? ConsentRevokedBy { get; set; }
    public string? ConsentRevocationReason { get; set; }

    public int Version { get; set; }

    /// <summary>Sent, accepted or in progress.</summary>
    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.InProgress;

    /// <summary>The consent as <see cref="ConsentRules"/> reads it.</summary>
    public ReferralConsent Consent() => new(Id, ConsentGivenBy, ConsentGivenByRole, ConsentForm, ConsentGivenAt, Service, RecipientOrganisationId, Fields,
        ConsentUntil, ConsentRecordedBy, ConsentRevokedAt, ConsentRevokedBy);

    /// <summary>The referral as the export describes it.</summary>
    public ReferralShare Share() => new(Id, SenderOrganisationId, RecipientOrganisationId, Service, Reason, DateOnly.FromDateTime(SentAt.UtcDateTime), Details, SentBy);
}

/// <summary>One step of a referral, reported back to the sender: the new status, a note, who and when.</summary>
public sealed class CaseReferralUpdate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public ReferralStatus Status { get; set; }
    /// <summary>"consent revoked" and similar events that do not change the status are recorded with the status they left.</summary>
    public string? Event { get; set; }
    public string? Note { get; set; }
    public string By { get; set; } = "";
    public string ByOrganisationId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class CaseReferralConfiguration : IEntityTypeConfiguration<CaseReferral>
{
    public void Configure(EntityTypeBuilder<CaseReferral> r)
    {
        r.Property(x => x.SenderOrganisationId).HasMaxLength(64);
        r.Property(x => x.SenderState).HasMaxLength(2);
        r.Property(x => x.SentBy).HasMaxLength(256);
        r.Property(x => x.RecipientOrganisationId).HasMaxLength(64);
        r.Property(x => x.RecipientState).HasMaxLength(2);
        r.Property(x => x.Service).HasConversion<string>().HasMaxLength(32);
        r.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
        r.Property(x => x.Details).HasMaxLength(ReferralRules.MaxText);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.StatusReason).HasMaxLength(ReferralRules.MaxText);
        r.Property(x => x.StatusChangedBy).HasMaxLength(256);
        r.Property(x => x.ConsentGivenBy).HasMaxLength(200);
        r.Property(x => x.ConsentGivenByRole).HasConversion<string>().HasMaxLength(24);
        r.Property(x => x.ConsentForm).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.ConsentRecordedBy).HasMaxLength(256);
        r.Property(x => x.ConsentRevokedBy).HasMaxLength(256);
        r.Property(x => x.ConsentRevocationReason).HasMaxLength(ReferralRules.MaxText);
        r.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(r.Property(x => x.Fields));
        r.Ignore(x => x.IsOpen);
        r.HasIndex(x => x.CaseId);
        r.HasIndex(x => new { x.RecipientOrganisationId, x.Status });
        r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseReferralUpdateConfiguration : IEntityTypeConfiguration<CaseReferralUpdate>
{
    public void Configure(EntityTypeBuilder<CaseReferralUpdate> u)
    {
        u.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        u.Property(x => x.Event).HasMaxLength(32);
        u.Property(x => x.Note).HasMaxLength(ReferralRules.MaxText);
        u.Property(x => x.By).HasMaxLength(256);
        u.Property(x => x.ByOrganisationId).HasMaxLength(64);
        u.HasIndex(x => new { x.ReferralId, x.At });
        u.HasOne<CaseReferral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
