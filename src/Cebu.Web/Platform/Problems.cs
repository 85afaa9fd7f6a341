using Cebu.Core.Platform.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cebu.Web.Platform;

/// <summary>The one place that turns a use case's problem into RFC 9457 problem details (API) or field errors (pages).</summary>
public static class Problems
{
    public static IResult ToResult(this Problem p)
    {
        if (p.Kind == ProblemKind.Validation)
            return TypedResults.ValidationProblem(p.Errors?.ToDictionary() ?? new Dictionary<string, string[]>(), p.Detail, title: p.Title);
        var status = p.Kind.StatusCode();
        var extensions = new Dictionary<string, object?>();
        if (p.Errors is { Count: > 0 } errors) extensions["errors"] = errors;
        if (p.Extra is not null)
            foreach (var prop in p.Extra.GetType().GetProperties()) extensions[prop.Name] = prop.GetValue(p.Extra);
        return TypedResults.Problem(p.Detail, statusCode: status, title: p.Title, extensions: extensions);
    }

    /// <summary>The HTTP status of a kind of problem, for the API's problem details and for a page that shows one.</summary>
    public static int StatusCode(this ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> ok) => outcome.Ok ? ok(outcome.Value!) : outcome.Problem!.ToResult();

    /// <summary>
    /// Puts each field error beside its field on a page; problems without fields go to the summary. An error on an
    /// item of a list ("accreditations[1].sector") goes beside the list's field, as "Line 2: ...".
    /// </summary>
    public static void AddTo(this Problem p, ModelStateDictionary modelState, string prefix = "")
    {
        if (p.Errors is { Count: > 0 })
            foreach (var (field, messages) in p.Errors)
            {
                var bracket = field.IndexOf('[');
                var root = bracket < 0 ? field : field[..bracket];
                var line = bracket < 0 ? null : int.TryParse(field[(bracket + 1)..field.IndexOf(']')], out var i) ? $"Line {i + 1}: " : null;
                foreach (var m in messages) modelState.AddModelError(prefix + Pascal(root), line + m);
            }
        else
            modelState.AddModelError("", p.Detail is null ? p.Title : $"{p.Title} {p.Detail}");
    }

    /// <summary>
    /// Puts a problem's errors in a page's dictionary under "form.field" (a problem without fields under "form."), for
    /// pages with several forms whose errors show beside the right form's fields.
    /// </summary>
    public static void AddTo(this Problem p, Dictionary<string, List<string>> errors, string form)
    {
        void Add(string key, IEnumerable<string> messages)
        {
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.AddRange(messages);
        }
        if (p.Errors is { Count: > 0 } fields)
            foreach (var (field, messages) in fields) Add($"{form}.{field}", messages);
        else Add($"{form}.", [p.Detail ?? p.Title]);
    }

    private static string Pascal(string field) => string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
}
