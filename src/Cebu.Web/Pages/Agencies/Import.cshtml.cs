using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Results;
using Cebu.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Cebu.Web.Pages.Agencies;

/// <summary>Upload a CSV of agencies: check it (dry run), then import all valid rows in one transaction.</summary>
[RequestSizeLimit(ImportModel.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(ImportAgencies import) : CsvImportPageModel
{
    public const long MaxBytes = CsvUpload.MaxBytes;

    protected override string TooLargeMessage => $"The file is larger than {MaxBytes / 1024 / 1024} MB: split it into smaller files.";

    /// <summary>A file with valid rows is kept: importing it writes those rows and leaves the rejected ones out.</summary>
    protected override bool KeepForImport(ImportReport check) => check.Valid > 0;

    protected override Task<Outcome<ImportReport>> Import(TextReader csv, bool dryRun, CancellationToken ct) =>
        import.Handle(csv, dryRun, null, ct);
}
