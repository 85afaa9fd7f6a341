using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cebu.Browser.Tests.Infrastructure;

/// <summary>A fictional worker to register through the page, and the MRZ lines of fictional passports.</summary>
public sealed record NewWorker(string FamilyName, string GivenNames, string Passport, string DateOfBirth)
{
    public string? NameInLocalScript { get; init; }
    public string Sex { get; init; } = "Female";
    public string Destination { get; init; } = "TH";
    public string Sector { get; init; } = "manufacturing";
    public string PassportExpiry { get; init; } = DateTime.UtcNow.AddYears(5).ToString("yyyy-MM-dd");
    public string? NationalId { get; init; }
    public string? NextOfKin { get; init; }
    public string? NextOfKinPhone { get; init; }
    public string Languages { get; init; } = "km";

    /// <summary>Letters only, different on every call: names stay unique across the tests sharing one app.</summary>
    public static string Tag() => string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('A' + Convert.ToInt32(c.ToString(), 16))).Take(5));

    /// <summary>A passport number unique in the run: a letter and 7 digits.</summary>
    public static string PassportNumber() => "N" + Random.Shared.Next(1_000_000, 9_999_999);
}

public static class Workers
{
    /// <summary>Registers the worker at /Workers/Register as the signed-in officer; returns the new record's id, on its page.</summary>
    public static async Task<string> RegisterAsync(IPage page, NewWorker w)
    {
        await FillRegistrationAsync(page, w);
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame);
        await Expect(page).ToHaveURLAsync(new Regex("/Workers/Details/[0-9a-f-]{36}$"));
        return page.Url[^36..];
    }

    /// <summary>Opens /Workers/Register and fills in the worker, without submitting.</summary>
    public static async Task FillRegistrationAsync(IPage page, NewWorker w)
    {
        await page.GotoAsync("/Workers/Register");
        await page.Locator("#FamilyName").FillAsync(w.FamilyName);
        await page.Locator("#GivenNames").FillAsync(w.GivenNames);
        if (w.NameInLocalScript is not null) await page.Locator("#NameInLocalScript").FillAsync(w.NameInLocalScript);
        await page.Locator("#Sex").SelectOptionAsync(w.Sex);
        await page.Locator("#DateOfBirth").FillAsync(w.DateOfBirth);
        await page.Locator("#PlaceOfBirth").FillAsync("Example Village, Prey Veng");
        await page.Locator("#Nationality").FillAsync("KH");
        if (w.NationalId is not null) await page.Locator("#NationalIdNumber").FillAsync(w.NationalId);
        await page.Locator("#PassportNumber").FillAsync(w.Passport);
        await page.Locator("#PassportExpiry").FillAsync(w.PassportExpiry);
        await page.Locator("#Phone").FillAsync("+855 12 345 678");
        if (w.NextOfKin is not null) await page.Locator("#NextOfKinName").FillAsync(w.NextOfKin);
        await page.Locator("#NextOfKinRelationship").FillAsync("mother");
        if (w.NextOfKinPhone is not null) await page.Locator("#NextOfKinPhone").FillAsync(w.NextOfKinPhone);
        await page.Locator("#Languages").FillAsync(w.Languages);
        await page.Locator("#Destination").FillAsync(w.Destination);
        await page.Locator("#Sector").SelectOptionAsync(w.Sector);
    }

    /// <summary>ICAO 9303 check digit: weights 7, 3, 1; digits count as themselves, A-Z as 10-35, the filler as 0.</summary>
    public static char CheckDigit(string data)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : 0;
            sum += value * weights[i % 3];
        }
        return (char)('0' + sum % 10);
    }

    /// <summary>The two lines of a fictional Cambodian passport (TD3) with every check digit right.</summary>
    public static string Td3(string surname, string given, string number, DateOnly born, char sex, DateOnly expires)
    {
        var line1 = $"P<KHM{surname}<<{given.Replace(' ', '<')}".PadRight(44, '<');
        var doc = number.PadRight(9, '<');
        var dob = born.ToString("yyMMdd");
        var exp = expires.ToString("yyMMdd");
        var personal = new string('<', 14);
        var line2 = $"{doc}{CheckDigit(doc)}KHM{dob}{CheckDigit(dob)}{sex}{exp}{CheckDigit(exp)}{personal}<";
        var composite = line2[..10] + line2[13..20] + line2[21..43];
        return line1 + "\n" + line2 + CheckDigit(composite);
    }
}
