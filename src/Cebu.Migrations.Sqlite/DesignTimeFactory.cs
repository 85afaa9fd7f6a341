using Cebu.Core.Platform;
using Cebu.Core.Platform.Access;
using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cebu.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef migrations add' build the model for Sqlite without the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CebuDbContext>
{
    public CebuDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CebuDbContext>();
        CebuCore.UseDatabase(options, "Sqlite", "Data Source=design.db");
        return new CebuDbContext(options.Options, FixedAccessContext.System, TimeProvider.System);
    }
}
