using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cebu.Web.Tests.Infrastructure;

/// <summary>
/// The whole web application over a fresh database of its own, migrated and seeded with the demo data as a real
/// start-up does. One instance serves one test class (IClassFixture), so classes never see each other's writes.
/// </summary>
public abstract class CebuApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of Database:Provider: Sqlite or Postgres.</summary>
    public abstract string Provider { get; }
    public string ConnectionString { get; private set; } = "";

    protected abstract Task<string> CreateDatabaseAsync();
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        // Starting the server runs Program: migrate, reference data, demo data, endpoints.
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Cebu", ConnectionString);
        builder.UseSetting("Cebu:DemoData", "true");
        // Many tests file complaints from the one test client address: the rate-limit tests set their own low limits.
        builder.UseSetting("Cebu:RateLimits:ComplaintsPerHour", "10000");
        builder.UseSetting("Cebu:RateLimits:StatusChecksPerTenMinutes", "10000");
        // Quiet by default; CEBU_TEST_LOGS=1 keeps the application's log (errors with their exceptions) on the console.
        if (Environment.GetEnvironmentVariable("CEBU_TEST_LOGS") != "1") builder.ConfigureLogging(l => l.ClearProviders());
    }

    /// <summary>A client that keeps cookies, does not follow redirects, and checks every API error is a problem document.</summary>
    public HttpClient Anonymous() =>
        CreateDefaultClient(new Uri("http://localhost"), new ProblemContract(), new CookieContainerHandler());

    /// <summary>A client signed in through the API as the given official (bearer token, fetched once per application).</summary>
    public async Task<HttpClient> As(string email)
    {
        if (!_tokens.TryGetValue(email, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Demo.Password });
            await response.ShouldBe(System.Net.HttpStatusCode.OK);
            token = (await response.Json())["accessToken"]!.GetValue<string>();
            _tokens[email] = token;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs code against the database as the system (no row filters), in a scope of its own.</summary>
    public async Task<T> Db<T>(Func<CebuDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System;
        return await work(scope.ServiceProvider.GetRequiredService<CebuDbContext>());
    }

    public Task Db(Func<CebuDbContext, Task> work) => Db(async db => { await work(db); return 0; });

    /// <summary>Runs code with a service of the application, in a scope acting as the system.</summary>
    public async Task<T> WithService<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Override = FixedAccessContext.System;
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<Agency> Agency(string licenceNumber) =>
        Db(db => db.Set<Agency>().AsNoTracking().Include(a => a.History).SingleAsync(a => a.LicenceNumber == licenceNumber));

    public Task<Guid> AgencyId(string licenceNumber) =>
        Db(db => db.Set<Agency>().Where(a => a.LicenceNumber == licenceNumber).Select(a => a.Id).SingleAsync());
}

/// <summary>A temporary SQLite file, deleted at the end.</summary>
public sealed class SqliteApp : CebuApp
{
    private string _path = "";
    public override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"cebu-test-{Guid.NewGuid():N}.db");
        return Task.FromResult($"Data Source={_path}");
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
        return Task.CompletedTask;
    }
}

/// <summary>A uniquely named PostgreSQL database, created through the 'postgres' database and dropped at the end.</summary>
public sealed class PostgresApp : CebuApp
{
    /// <summary>The server and role; CI's test script starts PostgreSQL 15 and creates this role. Override with CEBU_TEST_POSTGRES.</summary>
    public static string AdminConnection => Environment.GetEnvironmentVariable("CEBU_TEST_POSTGRES") is { Length: > 0 } s ? s : "Host=127.0.0.1;Port=5432;Username=cebu;Password=cebu";

    private string _database = "";
    public override string Provider => "Postgres";

    private static string On(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnection) { Database = database, Pooling = pooling, Timeout = 10 }.ConnectionString;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var name = $"cebu_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(On("postgres", pooling: false));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL half of the integration tests needs PostgreSQL at '{new NpgsqlConnectionStringBuilder(AdminConnection) { Password = null }}' " +
                "with a superuser role 'cebu' (password 'cebu'), and could not create a database there: " + e.Message.TrimEnd('.') + ". " +
                "Run the tests with the README's test command, ./test.sh, which starts PostgreSQL 15 and creates that role; " +
                "or point CEBU_TEST_POSTGRES at a server where the role may create databases.", e);
        }
        _database = name;
        return On(name);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(On("postgres", pooling: false));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
