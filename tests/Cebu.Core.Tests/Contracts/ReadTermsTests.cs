using System.Text.Json;
using Cebu.Core.Features.Contracts;

namespace Cebu.Core.Tests.Contracts;

public class ReadTermsTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(string json)
    {
        var outcome = CheckContract.Read(JsonDocument.Parse(json).RootElement);
        Assert.False(outcome.Ok, "Expected the terms to be refused.");
        return outcome.Problem!.Errors!;
    }

    private static string Without(string field) => IssueExampleTests.Example.Replace($"\"{field}\":", $"\"_{field}\":", StringComparison.Ordinal);

    [Theory]
    [InlineData("amount", "wage.amount")]
    [InlineData("currency", "wage.currency")]
    [InlineData("per", "wage.per")]
    [InlineData("originState", "originState")]
    [InlineData("hoursPerWeek", "hoursPerWeek")]
    [InlineData("restDaysPerWeek", "restDaysPerWeek")]
    [InlineData("passportKeptBy", "passportKeptBy")]
    [InlineData("feesChargedToWorker", "feesChargedToWorker")]
    public void A_missing_term_is_named(string property, string field) =>
        Assert.Contains(field, Errors(Without(property)).Keys);

    [Theory]
    [InlineData("\"amount\":1000", "\"amount\":\"a thousand\"", "wage.amount")]
    [InlineData("\"amount\":1000", "\"amount\":-5", "wage.amount")]
    [InlineData("\"currency\":\"MYR\",\"per\"", "\"currency\":\"ringgit\",\"per\"", "wage.currency")]
    [InlineData("\"per\":\"month\"", "\"per\":\"fortnight\"", "wage.per")]
    [InlineData("\"hoursPerWeek\":72", "\"hoursPerWeek\":200", "hoursPerWeek")]
    [InlineData("\"restDaysPerWeek\":0", "\"restDaysPerWeek\":1.5", "restDaysPerWeek")]
    [InlineData("\"passportKeptBy\":\"employer\"", "\"passportKeptBy\":\"broker\"", "passportKeptBy")]
    [InlineData("\"originState\":\"PH\"", "\"originState\":\"XQ\"", "originState")]
    [InlineData("\"sector\":\"manufacturing\"", "\"sector\":\"banking\"", "sector")]
    [InlineData("{\"amount\":3000,\"currency\":\"MYR\"", "{\"amount\":3000,\"currency\":\"RM\"", "feesChargedToWorker[0].currency")]
    public void A_malformed_term_is_named_with_what_is_wrong(string from, string to, string field)
    {
        var json = IssueExampleTests.Example.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(IssueExampleTests.Example, json);
        var errors = Errors(json);
        Assert.Equal([field], errors.Keys);
        Assert.NotEmpty(errors[field][0]);
    }

    [Fact]
    public void More_than_fifty_fees_are_refused()
    {
        var fees = string.Join(",", Enumerable.Repeat("{\"amount\":1,\"currency\":\"MYR\",\"purpose\":\"x\"}", 51));
        var json = IssueExampleTests.Example.Replace("[{\"amount\":3000,\"currency\":\"MYR\",\"purpose\":\"placement\"}]", $"[{fees}]", StringComparison.Ordinal);
        Assert.Equal(["feesChargedToWorker"], Errors(json).Keys);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused() => Assert.Contains("body", Errors("[1,2]").Keys);

    [Fact]
    public void Optional_terms_are_read_when_present()
    {
        var json = IssueExampleTests.Example.TrimEnd().TrimEnd('}')
                   + ",\"hoursPerDay\":12,\"overtimeRate\":1.25,\"annualLeaveDays\":5,\"paidIn\":\"Mixed\",\"region\":\"Selangor\",\"durationMonths\":24,\"date\":\"2025-03-01\",\"deductions\":[{\"amount\":100,\"currency\":\"MYR\",\"purpose\":\"housing\"}]}";
        var outcome = CheckContract.Read(JsonDocument.Parse(json).RootElement);
        Assert.True(outcome.Ok);
        var t = outcome.Value!;
        Assert.Equal((12m, 1.25m, 5, "mixed", "Selangor", 24, new DateOnly(2025, 3, 1)), (t.HoursPerDay!.Value, t.OvertimeRate!.Value, t.AnnualLeaveDays!.Value, t.PaidIn, t.Region, t.DurationMonths!.Value, t.Date!.Value));
        Assert.Equal("housing", Assert.Single(t.Deductions!).Purpose);
    }
}

public class ReadNewTermsTests
{
    private static string With(string extra) => IssueExampleTests.Example.TrimEnd().TrimEnd('}') + "," + extra + "}";

    [Fact]
    public void Languages_notice_and_insurance_are_read_when_present()
    {
        var outcome = CheckContract.Read(JsonDocument.Parse(With("\"contractLanguages\":[\"EN\",\"ms\"],\"workerLanguage\":\"tl\",\"noticeDays\":30,\"insurance\":{\"medical\":true,\"paidBy\":\"Worker\"}")).RootElement);
        Assert.True(outcome.Ok);
        var t = outcome.Value!;
        Assert.Equal(["en", "ms"], t.ContractLanguages!);
        Assert.Equal(("tl", 30, new Insurance(true, "worker")), (t.WorkerLanguage, t.NoticeDays!.Value, t.Insurance!));
    }

    [Theory]
    [InlineData("\"contractLanguages\":[\"en\",\"english\"]", "contractLanguages[1]")]
    [InlineData("\"contractLanguages\":\"en\"", "contractLanguages")]
    [InlineData("\"workerLanguage\":\"khmer\"", "workerLanguage")]
    [InlineData("\"noticeDays\":-1", "noticeDays")]
    [InlineData("\"insurance\":{\"medical\":\"yes\",\"paidBy\":\"employer\"}", "insurance.medical")]
    [InlineData("\"insurance\":{\"medical\":true,\"paidBy\":\"agency\"}", "insurance.paidBy")]
    public void A_malformed_new_term_is_named(string extra, string field)
    {
        var outcome = CheckContract.Read(JsonDocument.Parse(With(extra)).RootElement);
        Assert.False(outcome.Ok);
        Assert.Equal([field], outcome.Problem!.Errors!.Keys);
    }
}
