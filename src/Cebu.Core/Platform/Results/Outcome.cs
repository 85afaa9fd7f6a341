namespace Cebu.Core.Platform.Results;

/// <summary>What went wrong in a use case, in words for the person who sent the request.</summary>
public sealed record Problem(ProblemKind Kind, string Title, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null, object? Extra = null)
{
    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors, string title = "The request has invalid fields.") => new(ProblemKind.Validation, title, "Correct the fields listed in 'errors' and send the request again.", errors);
    public static Problem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Problem NotFound(string what) => new(ProblemKind.NotFound, $"{what} was not found.", "Check the identifier, or that your organisation may see this record.");
    public static Problem Conflict(string title, string detail, object? extra = null) => new(ProblemKind.Conflict, title, detail, null, extra);
    public static Problem Forbidden(string detail) => new(ProblemKind.Forbidden, "You may not do this.", detail);
    /// <summary>The request body is larger than the field allows (413): named like a validation error.</summary>
    public static Problem TooLarge(string field, string message) => new(ProblemKind.TooLarge, "The file is too large.", "See 'errors' for the limit.", new Dictionary<string, string[]> { [field] = [message] });
    /// <summary>The body is of a type the field does not accept (415): named like a validation error.</summary>
    public static Problem Unsupported(string field, string message) => new(ProblemKind.UnsupportedType, "The file's type is not accepted.", "See 'errors' for the accepted types.", new Dictionary<string, string[]> { [field] = [message] });
    public static Problem Stale() => new(ProblemKind.PreconditionFailed, "The record changed since you read it.", "Read it again, re-apply your change and send it with the new ETag.");
}

public enum ProblemKind { Validation, NotFound, Conflict, Forbidden, PreconditionFailed, TooLarge, UnsupportedType }

/// <summary>A use case's result: a value or a problem.</summary>
public readonly struct Outcome<T>
{
    public T? Value { get; }
    public Problem? Problem { get; }
    public bool Ok => Problem is null;

    private Outcome(T? value, Problem? problem) { Value = value; Problem = problem; }

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}

/// <summary>Collects field errors, then turns them into a validation problem.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool HasErrors => _errors.Count > 0;

    public Problem ToProblem() => Problem.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

/// <summary>One page of a list, with the total count.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
