using Cebu.Core.Features.Agencies;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Cebu.Core.Platform.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cebu.Core.Platform;

public static class CebuCore
{
    public const string SqliteMigrations = "Cebu.Migrations.Sqlite";
    public const string PostgresMigrations = "Cebu.Migrations.Postgres";

    /// <summary>The database, identity stores and every use case. The web app and the CLI both call this.</summary>
    public static IServiceCollection AddCebuCore(this IServiceCollection services, IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Cebu");
        services.AddDbContext<CebuDbContext>(o => UseDatabase(o, provider, connection));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PublicAgencyRegistry(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton(sp => new Features.Contracts.RulePackStore(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<AccessScope>();
        services.AddScoped<IAccessContext>(sp => new ScopedAccessContext(sp.GetRequiredService<AccessScope>(), sp.GetService<IRequestCaller>()));

        services.AddIdentityCore<CebuUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CebuDbContext>()
            .AddDefaultTokenProviders();

        // Keys in the database, so that every node of a farm reads cookies and tokens the others issued.
        services.AddDataProtection().SetApplicationName("Cebu").PersistKeysToDbContext<CebuDbContext>();
        services.AddScoped<DatabaseSeeder>();
        foreach (var useCase in typeof(CebuCore).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && (t.Namespace?.StartsWith("Cebu.Core.Features", StringComparison.Ordinal) == true || t == typeof(Audit.VerifyAuditChain)) && t.GetMethods().Any(m => m.Name == "Handle")))
            services.AddScoped(useCase);
        return services;
    }

    public static void UseDatabase(DbContextOptionsBuilder o, string provider, string? connection)
    {
        o.AddInterceptors(AgencyCommitInterceptor.Instance);
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            o.UseNpgsql(connection ?? throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Cebu, e.g. 'Host=localhost;Database=cebu;Username=cebu;Password=...'."),
                x => x.MigrationsAssembly(PostgresMigrations));
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            o.UseSqlite(connection ?? "Data Source=cebu.db", x => x.MigrationsAssembly(SqliteMigrations));
        else
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite (the default) or Postgres.");
    }
}
