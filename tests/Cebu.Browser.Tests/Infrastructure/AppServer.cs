using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Cebu.Browser.Tests.Infrastructure;

/// <summary>
/// The real Cebu web app, started as its own process (<c>dotnet Cebu.Web.dll</c>) on a free port of 127.0.0.1,
/// on a fresh SQLite database in a temporary directory, seeded with the demo data. Its console output goes to
/// <c>app.log</c> beside the screenshots, to read when a test fails.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly string dataDirectory;

    public Uri BaseAddress { get; }
    public string LogPath { get; }

    private AppServer(Process process, StreamWriter log, string logPath, string dataDirectory, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        LogPath = logPath;
        this.dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    /// <summary>Fails clearly when the app is no longer running (it crashed, or something on the machine stopped it).</summary>
    public void EnsureRunning()
    {
        if (process.HasExited)
            throw new InvalidOperationException($"The app (pid {process.Id}) is no longer running: it exited with code {process.ExitCode}. The end of its output ({LogPath}):\n{Tail()}");
    }

    public static async Task<AppServer> StartAsync(string outputDirectory, TimeSpan timeout)
    {
        var (dll, contentRoot) = FindApp();
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var dataDirectory = Directory.CreateTempSubdirectory("cebu-browser-").FullName;
        Directory.CreateDirectory(outputDirectory);
        var logPath = Path.Combine(outputDirectory, "app.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", baseAddress.ToString().TrimEnd('/'), "--contentRoot", contentRoot })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Cebu"] = $"Data Source={Path.Combine(dataDirectory, "cebu-browser.db")}";
        start.Environment["Cebu__DemoData"] = "true";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Whatever URL the machine's environment names, the app listens only where --urls says.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment.Remove("ASPNETCORE_HTTPS_PORTS");

        log.WriteLine($"# dotnet {string.Join(' ', start.ArgumentList)} (in {contentRoot})");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine("[stderr] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, log, logPath, dataDirectory, baseAddress);

        try
        {
            await server.WaitUntilHealthyAsync(timeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was healthy. Its output:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"/health answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer 200 on {BaseAddress}health within {timeout.TotalSeconds:0} s ({last}). Its output:\n{Tail()}");
    }

    private string Tail()
    {
        lock (log) log.Flush();
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(60));
        }
        catch (IOException e)
        {
            return $"(could not read {LogPath}: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        lock (log) log.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The build output of src/Cebu.Web for this test assembly's configuration, found from the repository root (the
    /// directory holding Cebu.slnx above this assembly); its content root is the project directory (wwwroot).
    /// CEBU_WEB_DLL names another build.
    /// </summary>
    private static (string Dll, string ContentRoot) FindApp()
    {
        var configuration = typeof(AppServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "Cebu.Web");
        if (Environment.GetEnvironmentVariable("CEBU_WEB_DLL") is { Length: > 0 } given)
            return File.Exists(given) ? (given, project) : throw new FileNotFoundException($"CEBU_WEB_DLL names {given}, which does not exist.");
        var candidates = new[]
        {
            Path.Combine(project, "bin", configuration, "net10.0", "Cebu.Web.dll"),
            Path.Combine(AppContext.BaseDirectory, "Cebu.Web.dll"),
        };
        var dll = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Cebu.Web.dll is not built: looked for {string.Join(" and ", candidates)}. Run 'dotnet build Cebu.slnx -c {configuration}' first.");
        return (dll, project);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cebu.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Cebu.slnx above {AppContext.BaseDirectory}: the browser tests run from the repository's build output.");
    }
}
