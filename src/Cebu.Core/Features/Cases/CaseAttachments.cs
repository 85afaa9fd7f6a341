using System.Security.Cryptography;
using System.Text;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Cases;

/// <summary>
/// A file on a case (a payslip photo, a contract scan, a letter): its type read from its first bytes, size, SHA-256,
/// who added it and when. A confidential attachment, like a confidential note, never leaves the owning organisation.
/// The bytes are in <see cref="CaseAttachmentContent"/>, read only on download.
/// </summary>
public sealed class CaseAttachment : IOwnedByOrganisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    [OwnerOrganisation] public string OwnerOrganisationId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public bool Confidential { get; set; }
    public string? Description { get; set; }
    public string AddedBy { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>The bytes of a <see cref="CaseAttachment"/> (as <see cref="ContractDocument"/> holds a contract's).</summary>
public sealed class CaseAttachmentContent
{
    public Guid AttachmentId { get; set; }
    public byte[] Content { get; set; } = [];
}

public sealed record CaseAttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, bool Confidential, string? Description, string AddedBy, DateTimeOffset AddedAt)
{
    public static CaseAttachmentView Of(CaseAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.Confidential, a.Description, a.AddedBy, a.AddedAt);
}

/// <summary>What a file is, from its first bytes (never from its name or the type the sender claims).</summary>
public static class AttachmentTypes
{
    public const long MaxBytes = AttachContractDocument.MaxBytes;
    public const string PlainText = "text/plain";
    public static readonly IReadOnlyList<string> Accepted = ["application/pdf", "image/png", "image/jpeg", PlainText];

    /// <summary>PDF, PNG or JPEG by signature (<see cref="AttachContractDocument.Sniff"/>), else plain text: valid UTF-8 without control characters other than tab, line feed, carriage return and form feed.</summary>
    public static string? Sniff(byte[] b) => AttachContractDocument.Sniff(b) ?? (IsPlainText(b) ? PlainText : null);

    public static bool IsPlainText(byte[] b)
    {
        if (b.Length == 0) return false;
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(b); }
        catch (DecoderFallbackException) { return false; }
        return text.All(ch => ch >= ' ' || ch is '\t' or '\n' or '\r' or '\f');
    }
}

/// <summary>
/// Adds a file to a case: at most 10 MB (413), PDF, PNG, JPEG or plain text by its first bytes (415), with its SHA-256.
/// Audited as case.attachment; nothing is saved when the file is refused.
/// </summary>
public sealed class AddCaseAttachment(CebuDbContext db)
{
    public sealed record Request(Guid CaseId, string? FileName, byte[]? Content, bool Confidential = false, string? Description = null);

    public async Task<Outcome<CaseAttachmentView>> Handle(Request r, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var c = await CaseAccess.Find(db, r.CaseId, ct);
        if (c is null) return Problem.NotFound("The case");
        if (r.Content is not { Length: > 0 } bytes) return Problem.Invalid("file", "Choose the file to attach (PDF, PNG, JPEG or plain text, at most 10 MB).");
        if (bytes.LongLength > AttachmentTypes.MaxBytes) return TooLarge(bytes.LongLength);
        var type = AttachmentTypes.Sniff(bytes);
        if (type is null) return Problem.Unsupported("file", "Only PDF, PNG, JPEG or plain-text files are accepted: this file is none of them (its first bytes say so, whatever its name).");
        if (r.Description is { Length: > 500 }) return Problem.Invalid("description", "At most 500 characters.");
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(r.FileName) ? "attachment" : r.FileName.Trim());
        if (name.Length > 200) name = name[^200..];
        var now = db.Clock.GetUtcNow();
        var a = new CaseAttachment
        {
            CaseId = c.Id, OwnerOrganisationId = c.OwnerOrganisationId, FileName = name, ContentType = type, Size = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Confidential = r.Confidential, Description = CaseRules.Clean(r.Description),
            AddedBy = db.Access.UserName ?? "system", AddedAt = now,
        };
        db.Add(a);
        db.Add(new CaseAttachmentContent { AttachmentId = a.Id, Content = bytes });
        WageClaimAccess.Touch(db, c);
        db.AuditAction = "case.attachment";
        db.AuditReason = $"File attached{(r.Confidential ? " (confidential)" : "")}: {name}, {type}, {bytes.LongLength} bytes, SHA-256 {a.Sha256}.";
        await db.SaveChangesAsync(ct);
        return CaseAttachmentView.Of(a);
    }

    public static Problem TooLarge(long size) =>
        Problem.TooLarge("file", $"The file is {size / 1024 / 1024.0:0.#} MB; the limit is {AttachmentTypes.MaxBytes / 1024 / 1024} MB. Scan or photograph it at a lower resolution.");
}

/// <summary>The files of a case (without their bytes).</summary>
public sealed class ListCaseAttachments(CebuDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CaseAttachmentView>>> Handle(Guid caseId, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        if (!await db.Set<Case>().AnyAsync(c => c.Id == caseId, ct)) return Problem.NotFound("The case");
        var list = await db.Set<CaseAttachment>().AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct);
        return list.OrderBy(a => a.AddedAt).ThenBy(a => a.Id).Select(CaseAttachmentView.Of).ToList();
    }
}

/// <summary>A file of a case, with its bytes. The download is a read of the case's file and is logged as one.</summary>
public sealed class GetCaseAttachment(CebuDbContext db)
{
    public sealed record File(byte[] Content, string ContentType, string FileName);

    public async Task<Outcome<File>> Handle(Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        if (CaseAccess.Check(db.Access) is { } denied) return denied;
        var a = await db.Set<CaseAttachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CaseId == caseId, ct);
        if (a is null) return Problem.NotFound("The attachment");
        var bytes = await db.Set<CaseAttachmentContent>().AsNoTracking().Where(x => x.AttachmentId == a.Id).Select(x => x.Content).FirstAsync(ct);
        db.RecordRead(nameof(CaseAttachment), a.Id.ToString());
        db.RecordRead(nameof(Case), caseId.ToString());
        await db.SaveChangesAsync(ct);
        return new File(bytes, a.ContentType, a.FileName);
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> a)
    {
        a.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(40);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.Property(x => x.Description).HasMaxLength(500);
        a.Property(x => x.AddedBy).HasMaxLength(256);
        a.HasIndex(x => x.CaseId);
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAttachmentContentConfiguration : IEntityTypeConfiguration<CaseAttachmentContent>
{
    public void Configure(EntityTypeBuilder<CaseAttachmentContent> c)
    {
        c.HasKey(x => x.AttachmentId);
        c.HasOne<CaseAttachment>().WithOne().HasForeignKey<CaseAttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
