using Cebu.Core.Platform;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cebu.Migrations.Postgres;

/// <summary>Lets 'dotnet ef migrations add' build the model for Postgres without the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CebuDbContext>
{
    public CebuDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CebuDbContext>();
        CebuCore.UseDatabase(options, "Postgres", "Host=localhost;Database=cebu_design;Username=postgres");
        return new CebuDbContext(options.Options, FixedAccessContext.System, TimeProvider.System);
    }
}
