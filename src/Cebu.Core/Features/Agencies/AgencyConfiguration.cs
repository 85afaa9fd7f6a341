using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> a)
    {
        a.Property(x => x.LicensingState).HasMaxLength(2);
        a.Property(x => x.LicenceNumber).HasMaxLength(64);
        a.Property(x => x.LegalName).HasMaxLength(300);
        a.Property(x => x.Address).HasMaxLength(500);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.StatusReason).HasMaxLength(1000);
        a.Property(x => x.StatusLegalReference).HasMaxLength(300);
        a.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(a.Property(x => x.OtherNames));
        CebuDbContext.JsonColumn(a.Property(x => x.Contacts));
        CebuDbContext.JsonColumn(a.Property(x => x.Principals));
        CebuDbContext.JsonColumn(a.Property(x => x.Accreditations));
        a.HasIndex(x => new { x.LicensingState, x.LicenceNumber }).IsUnique();
        a.HasIndex(x => new { x.LicensingState, x.Status });
        a.HasMany(x => x.History).WithOne().HasForeignKey(h => h.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgencyStatusChangeConfiguration : IEntityTypeConfiguration<AgencyStatusChange>
{
    public void Configure(EntityTypeBuilder<AgencyStatusChange> h)
    {
        h.Property(x => x.Action).HasMaxLength(32);
        h.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        h.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        h.Property(x => x.Reason).HasMaxLength(1000);
        h.Property(x => x.LegalReference).HasMaxLength(300);
        h.Property(x => x.DecidedBy).HasMaxLength(256);
        h.Property(x => x.DecidedByOrganisation).HasMaxLength(64);
    }
}

internal sealed class AgencySearchTermConfiguration : IEntityTypeConfiguration<AgencySearchTerm>
{
    public void Configure(EntityTypeBuilder<AgencySearchTerm> t)
    {
        t.Property(x => x.Term).HasMaxLength(64);
        t.HasIndex(x => new { x.Term, x.AgencyId });
        t.HasIndex(x => x.AgencyId);
        t.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ErrantAgencyReportConfiguration : IEntityTypeConfiguration<ErrantAgencyReport>
{
    public void Configure(EntityTypeBuilder<ErrantAgencyReport> r)
    {
        r.Property(x => x.LicensingState).HasMaxLength(2);
        r.Property(x => x.ReportingState).HasMaxLength(2);
        r.Property(x => x.ReportingOrganisationId).HasMaxLength(64);
        r.Property(x => x.WhatHappened).HasMaxLength(4000);
        r.Property(x => x.Place).HasMaxLength(300);
        r.Property(x => x.Evidence).HasMaxLength(4000);
        r.Property(x => x.ActionTaken).HasMaxLength(4000);
        r.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.LicensingState);
        r.HasIndex(x => x.ReportingState);
    }
}
