using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cebu.Web.Tests.Workers;

public class DocumentsApiTests(WorkersApp app) : IClassFixture<WorkersApp>
{
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public async Task Officer_pastes_a_passport_MRZ_and_reads_every_field()
    {
        var client = await app.SignedIn("labour@kh.demo");
        var r = await client.PostAsJsonAsync("/api/v1/documents/mrz", new { mrz = Td3 });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Equal("ERIKSSON", doc["primaryIdentifier"]!.GetValue<string>());
        Assert.Equal("ANNA MARIA", doc["secondaryIdentifier"]!.GetValue<string>());
        Assert.Equal("L898902C3", doc["documentNumber"]!.GetValue<string>());
        Assert.Equal("1974-08-12", doc["dateOfBirth"]!.GetValue<string>());
        Assert.True(doc["isExpired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Wrong_check_digit_is_a_422_problem_naming_the_field()
    {
        var client = await app.SignedIn("labour@kh.demo");
        var r = await client.PostAsJsonAsync("/api/v1/documents/mrz", new { mrz = Td3.Replace("7408122F", "7408123F") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["dateOfBirth"]);
    }

    [Fact]
    public async Task Empty_MRZ_says_what_to_send_and_the_public_cannot_use_the_parser()
    {
        var client = await app.SignedIn("labour@kh.demo");
        var r = await client.PostAsJsonAsync("/api/v1/documents/mrz", new { mrz = "" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("machine-readable zone", await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/documents/mrz", new { mrz = Td3 })).StatusCode);
    }
}
