namespace Cebu.Web.Platform;

/// <summary>
/// A CSV file sent to the API, as the request body (text/csv) or as a multipart form field 'file', written to a
/// temporary file so that an import can read it twice without holding it in memory. Bounded: a file over
/// <see cref="MaxBytes"/> is refused with 413 and a clear way out, before or while it is read.
/// </summary>
public static class CsvUpload
{
    public const long MaxBytes = 20 * 1024 * 1024;
    /// <summary>Room for a multipart form's boundaries and headers around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    public sealed record Upload(string? Path, IResult? Problem);

    public static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: $"The file is larger than {MaxBytes / 1024 / 1024} MB.",
        detail: $"Split it into files of at most {MaxBytes / 1024 / 1024} MB (about 80,000 workers each) and import each one, "
            + "or import the whole file with the command line: cebu workers import FILE --state XX.",
        extensions: new Dictionary<string, object?> { ["maxBytes"] = MaxBytes });

    private static IResult NoFile(string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] },
        title: "No CSV file was sent.");

    public static async Task<Upload> SpoolAsync(HttpRequest request, CancellationToken ct)
    {
        var form = request.HasFormContentType;
        if (request.ContentLength > MaxBytes + (form ? FormOverhead : 0)) return new(null, TooLarge());
        Stream source;
        try
        {
            if (form)
            {
                var fields = await request.ReadFormAsync(ct);
                var file = fields.Files.GetFile("file") ?? fields.Files.FirstOrDefault();
                if (file is null) return new(null, NoFile("Send the CSV in a multipart form field named 'file', or as the request body with Content-Type: text/csv."));
                if (file.Length > MaxBytes) return new(null, TooLarge());
                source = file.OpenReadStream();
            }
            else source = request.Body;

            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cebu-upload-{Guid.NewGuid():N}.csv");
            long written = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await source.ReadAsync(buffer, ct)) > 0)
                {
                    written += n;
                    if (written > MaxBytes) break;
                    await target.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
            if (written > MaxBytes) { File.Delete(path); return new(null, TooLarge()); }
            if (written == 0) { File.Delete(path); return new(null, NoFile("The file is empty. Send the CSV (first line: the column names) as the request body with Content-Type: text/csv, or in a multipart form field named 'file'.")); }
            return new(path, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, TooLarge());
        }
    }
}
