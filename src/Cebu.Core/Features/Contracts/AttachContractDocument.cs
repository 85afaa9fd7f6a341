using System.Security.Cryptography;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Contracts;

/// <summary>Stores the signed contract (PDF, PNG or JPEG, read from its first bytes, at most 10 MB) with its SHA-256.</summary>
public sealed class AttachContractDocument(CebuDbContext db)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <param name="WrongContentType">The API was sent something other than a PDF, PNG or JPEG body: refused once the caller is known to be allowed.</param>
    public sealed record Request(Guid Id, string? FileName, byte[]? Content, string? WrongContentType = null);

    public async Task<Outcome<EmploymentContract>> Handle(Request r, CancellationToken ct)
    {
        var who = db.Access;
        var c = await db.Set<EmploymentContract>().VisibleTo(who).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
        if (c is null) return Problem.NotFound("The contract");
        if (!ContractAccess.CanEdit(who, c)) return Problem.Forbidden("Only the sending state's labour office, the worker's agency, or the receiving state that recorded it attaches the document.");
        if (c.IsFrozen) return ContractWork.Frozen(c);
        if (r.WrongContentType is not null)
            return Problem.Invalid("document", $"Send the file as the request body with Content-Type application/pdf, image/png or image/jpeg (not '{r.WrongContentType}').");
        if (r.Content is not { Length: > 0 } bytes) return Problem.Invalid("document", "Choose the signed contract's file (PDF, PNG or JPEG).");
        if (bytes.LongLength > MaxBytes) return Problem.Invalid("document", $"The file is {bytes.LongLength / 1024 / 1024.0:0.#} MB; the limit is {MaxBytes / 1024 / 1024} MB. Scan it at a lower resolution.");
        var type = Sniff(bytes);
        if (type is null) return Problem.Invalid("document", "Only PDF, PNG or JPEG files are accepted: this file is none of them.");
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(r.FileName) ? "contract" : r.FileName.Trim());
        if (name.Length > 200) name = name[^200..];

        var doc = await db.Set<ContractDocument>().FirstOrDefaultAsync(d => d.ContractId == c.Id, ct);
        if (doc is null) db.Add(doc = new ContractDocument { ContractId = c.Id });
        doc.Content = bytes;
        c.DocumentFileName = name;
        c.DocumentContentType = type;
        c.DocumentSize = bytes.LongLength;
        c.DocumentSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        c.UpdatedAt = db.Clock.GetUtcNow();
        if (c.Status != ContractStatus.Recorded) (c.Status, c.SubmittedAt, c.SubmittedBy) = (ContractStatus.Recorded, null, null);
        db.AuditAction = "contract.document";
        db.AuditReason = $"Signed document attached: {name}, SHA-256 {c.DocumentSha256}.";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The file's type from its signature, not from what the sender claims.</summary>
    public static string? Sniff(byte[] b)
    {
        if (b.Length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') return "application/pdf";
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) return "image/png";
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        return null;
    }
}
