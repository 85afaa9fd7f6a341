using Microsoft.Playwright;

namespace Cebu.Browser.Tests.Infrastructure;

/// <summary>
/// Shared by every browser test: the app in its own process and one Chromium (Debian's, /usr/bin/chromium; Playwright's
/// own download is not used). Each test gets its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string OutputDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? playwright;
    public AppServer App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Directory.Exists(OutputDirectory))
            foreach (var old in Directory.EnumerateFiles(OutputDirectory, "*.png")) File.Delete(old);
        Directory.CreateDirectory(OutputDirectory);

        var chromium = Environment.GetEnvironmentVariable("CEBU_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new FileNotFoundException($"The browser tests drive Debian's Chromium at {chromium}; install it with 'apt-get install -y chromium fonts-noto-core' (./test.sh does) or set CEBU_CHROMIUM.");

        var appTask = AppServer.StartAsync(OutputDirectory, TimeSpan.FromSeconds(120));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        App = await appTask;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
