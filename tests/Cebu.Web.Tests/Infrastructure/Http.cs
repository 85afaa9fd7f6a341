using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cebu.Web.Tests.Infrastructure;

public static partial class Http
{
    /// <summary>The antiforgery token of the first form on a page, as a browser would submit it.</summary>
    public static async Task<string> AntiforgeryToken(this HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"{page} has no antiforgery token in a form.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>Signs in on the sign-in page, as a person does: the client keeps the cookie.</summary>
    public static async Task<HttpResponseMessage> SignInOnPage(this HttpClient client, string email, string password) =>
        await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = await client.AntiforgeryToken("/Account/Login"),
        }));

    public static HttpRequestMessage Page(string url) => new(HttpMethod.Get, url) { Headers = { { "Accept", "text/html" } } };

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public const string ProblemJson = "application/problem+json";

    /// <summary>Asserts the status, showing the request and the body when it differs.</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected} {expected}. Body: {Cut(body)}");
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), "A problem has a title that says what went wrong.");
        return problem;
    }

    /// <summary>Asserts a 400 validation problem naming exactly these fields (and maybe others), and returns its errors.</summary>
    public static async Task<JsonObject> ShouldNameFields(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"] as JsonObject;
        Assert.True(errors is not null, $"A validation problem lists its field errors in 'errors': {problem.ToJsonString()}");
        foreach (var f in fields)
        {
            Assert.True(errors!.ContainsKey(f), $"The problem should name the field '{f}': {errors.ToJsonString()}");
            var messages = errors[f]!.AsArray();
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m!.GetValue<string>())));
        }
        return errors!;
    }

    public static async Task<JsonNode> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new InvalidOperationException("null JSON");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode}) did not answer JSON: {Cut(text)}", e);
        }
    }

    public static async Task<JsonNode> OkJson(this HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Json();
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, JsonOptions);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: JsonOptions) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: JsonOptions) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static string Str(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("Expected a string, found nothing.");

    public static IEnumerable<JsonNode> Items(this JsonNode node) => node["items"]!.AsArray().Select(n => n!);

    public static string Cut(string s, int max = 1500) => s.Length <= max ? s : s[..max] + "…";
}

/// <summary>
/// Every error the API answers is an RFC 9457 problem document: this handler sits in every test client and fails
/// the test on any /api response of 400 or more without the problem+json content type.
/// </summary>
public sealed class ProblemContract : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) && (int)response.StatusCode >= 400
            && response.Content.Headers.ContentType?.MediaType != Http.ProblemJson)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new Xunit.Sdk.XunitException(
                $"{request.Method} {request.RequestUri.PathAndQuery} answered {(int)response.StatusCode} with content type '{response.Content.Headers.ContentType}', not {Http.ProblemJson}. Body: {Http.Cut(body, 500)}");
        }
        return response;
    }
}
