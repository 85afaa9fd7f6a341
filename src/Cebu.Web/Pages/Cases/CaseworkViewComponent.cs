using Cebu.Core.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Cebu.Web.Pages.Cases;

/// <summary>What the case page's casework section shows: the wage claims with their totals, the files, and the errors of a refused form.</summary>
public sealed record CaseworkSection(Guid CaseId, CaseWageClaims Claims, IReadOnlyList<CaseAttachmentView> Attachments, IReadOnlyDictionary<string, List<string>> Errors)
{
    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var list) ? string.Join(" ", list) : null;
}

/// <summary>
/// The wage claims and files of a case, shown on the case page (and on /Cases/Work when a form there was refused).
/// Its forms post to /Cases/Work/{id}, so that the case page's own model stays as it is.
/// </summary>
public sealed class CaseworkViewComponent(ListWageClaims claims, ListCaseAttachments attachments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, IReadOnlyDictionary<string, List<string>>? errors = null)
    {
        var c = await claims.Handle(caseId, HttpContext.RequestAborted);
        var a = await attachments.Handle(caseId, HttpContext.RequestAborted);
        if (!c.Ok || !a.Ok) return Content("");
        return View(new CaseworkSection(caseId, c.Value!, a.Value!, errors ?? new Dictionary<string, List<string>>()));
    }
}
