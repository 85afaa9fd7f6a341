using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Workers;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> w)
    {
        w.Property(x => x.OwnerState).HasMaxLength(2);
        w.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        w.Property(x => x.Nationality).HasMaxLength(2);
        w.Property(x => x.Destination).HasMaxLength(2);
        w.Property(x => x.PlacementState).HasMaxLength(2);
        w.Property(x => x.Sector).HasMaxLength(32);
        w.Property(x => x.FamilyName).HasMaxLength(200);
        w.Property(x => x.GivenNames).HasMaxLength(200);
        w.Property(x => x.NameInLocalScript).HasMaxLength(200);
        w.Property(x => x.SearchName).HasMaxLength(400);
        w.Property(x => x.PassportNumber).HasMaxLength(20);
        w.Property(x => x.NationalIdNumber).HasMaxLength(30);
        w.Property(x => x.CertificateOfIdentityNumber).HasMaxLength(30);
        w.Property(x => x.WorkPermitNumber).HasMaxLength(30);
        w.Property(x => x.ClearanceCode).HasMaxLength(16);
        w.Property(x => x.Sex).HasConversion<string>().HasMaxLength(12);
        w.Property(x => x.Phase).HasConversion<string>().HasMaxLength(16);
        w.Property(x => x.DocumentationStatus).HasConversion<string>().HasMaxLength(24);
        w.Property(x => x.ReturnReason).HasConversion<string>().HasMaxLength(24);
        w.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(w.Property(x => x.Contacts));
        CebuDbContext.JsonColumn(w.Property(x => x.NextOfKin));
        CebuDbContext.JsonColumn(w.Property(x => x.Languages));
        CebuDbContext.JsonColumn(w.Property(x => x.JobOrder));
        CebuDbContext.JsonColumn(w.Property(x => x.PreDeparture));
        CebuDbContext.JsonColumn(w.Property(x => x.Reintegration));
        w.Ignore(x => x.FullName);
        w.HasMany(x => x.SearchTerms).WithOne().HasForeignKey(t => t.WorkerId).OnDelete(DeleteBehavior.Cascade);
        w.HasIndex(x => new { x.OwnerState, x.Phase, x.Destination });
        w.HasIndex(x => new { x.PlacementState, x.WorkPermitExpiry });
        w.HasIndex(x => x.PassportNumber);
        w.HasIndex(x => x.NationalIdNumber);
        w.HasIndex(x => x.CertificateOfIdentityNumber);
        w.HasIndex(x => x.WorkPermitNumber);
        w.HasIndex(x => x.DateOfBirth);
        w.HasIndex(x => x.ClearanceCode).IsUnique();
    }
}

internal sealed class WorkerEventConfiguration : IEntityTypeConfiguration<WorkerEvent>
{
    public void Configure(EntityTypeBuilder<WorkerEvent> e)
    {
        e.Property(x => x.OwnerState).HasMaxLength(2);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        CebuDbContext.JsonColumn(e.Property(x => x.Changes));
        e.HasIndex(x => new { x.WorkerId, x.On });
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrisisCheckConfiguration : IEntityTypeConfiguration<CrisisCheck>
{
    public void Configure(EntityTypeBuilder<CrisisCheck> c)
    {
        c.Property(x => x.OwnerState).HasMaxLength(2);
        c.Property(x => x.Country).HasMaxLength(2);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.Note).HasMaxLength(1000);
        c.Property(x => x.UpdatedBy).HasMaxLength(256);
        c.HasIndex(x => new { x.WorkerId, x.Country }).IsUnique();
        c.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkerSearchTermConfiguration : IEntityTypeConfiguration<WorkerSearchTerm>
{
    public void Configure(EntityTypeBuilder<WorkerSearchTerm> t)
    {
        t.Property(x => x.Key).HasMaxLength(64);
        t.HasIndex(x => new { x.Key, x.WorkerId });
        t.HasIndex(x => x.WorkerId);
    }
}
