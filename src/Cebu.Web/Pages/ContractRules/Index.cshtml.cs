using System.Text.Json;
using Cebu.Core.Features.Contracts;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cebu.Web.Pages.ContractRules;

/// <summary>
/// An official publishes a new version of their state's contract rule pack: paste or upload the JSON, check it, publish.
/// Authorized by the folder convention (contracts.rules.publish); the use case checks the state.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class IndexModel(PublishRulePack publish, RulePackStore store) : PageModel
{
    public const int MaxBytes = 512 * 1024;

    [BindProperty] public string? PackJson { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; } = true;

    public string State => User.FindFirst(CebuClaims.State)?.Value ?? "";
    public IReadOnlyList<Api.RulePackVersion> Versions { get; private set; } = [];
    /// <summary>Field errors of the pack, in the order the validator found them.</summary>
    public IReadOnlyList<KeyValuePair<string, string[]>> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public PublishRulePack.Result? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        // Start from the state's current version: a new version is usually the old one with a few rules changed.
        if (Versions.Where(v => v.Country == State).MaxBy(v => v.EffectiveFrom) is { } current)
            PackJson = JsonSerializer.Serialize(new { current.Country, current.Name, current.Version, current.EffectiveFrom, current.Rules, current.Notes },
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxBytes) Message = $"The file is larger than {MaxBytes / 1024} KB; a rule pack is much smaller. Check that it is the right file.";
            else
            {
                using var reader = new StreamReader(Upload.OpenReadStream());
                PackJson = await reader.ReadToEndAsync(ct);
            }
        }
        if (Message is null && string.IsNullOrWhiteSpace(PackJson)) Message = "Paste the pack's JSON or choose a file.";
        if (Message is null)
        {
            JsonDocument? doc = null;
            try { doc = JsonDocument.Parse(PackJson!); }
            catch (JsonException e) { Message = $"This is not valid JSON: {e.Message}"; }
            if (doc is not null)
                using (doc)
                {
                    var outcome = await publish.Handle(State, doc.RootElement, DryRun, ct);
                    if (outcome.Ok) Result = outcome.Value;
                    else if (outcome.Problem!.Errors is { Count: > 0 } errors) Errors = errors.ToList();
                    else Message = outcome.Problem.Detail ?? outcome.Problem.Title;
                    if (!outcome.Ok) Response.StatusCode = outcome.Problem!.Kind == ProblemKind.Forbidden ? 403 : 400;
                }
        }
        else Response.StatusCode = 400;
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct) => Versions = Api.ContractsApi.Versions(await store.CurrentAsync(ct));
}
