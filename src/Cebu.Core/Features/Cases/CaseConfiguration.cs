using Cebu.Core.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cebu.Core.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        c.Property(x => x.OwnerState).HasMaxLength(2);
        c.Property(x => x.RoutedBecause).HasMaxLength(300);
        c.Property(x => x.ReceiptCode).HasMaxLength(ReceiptCodes.Length);
        c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.ReceivedBy).HasMaxLength(256);
        c.Property(x => x.FirstName).HasMaxLength(200);
        c.Property(x => x.SecondName).HasMaxLength(200);
        c.Property(x => x.Citizenship).HasMaxLength(2);
        c.Property(x => x.PrimaryLanguage).HasMaxLength(8);
        c.Property(x => x.MobilePhone).HasMaxLength(32);
        c.Property(x => x.Email).HasMaxLength(256);
        c.Property(x => x.CurrentCountry).HasMaxLength(2);
        c.Property(x => x.Description).HasMaxLength(CaseRules.MaxDescription);
        c.Property(x => x.LocationOfExploitation).HasMaxLength(200);
        c.Property(x => x.Employer).HasMaxLength(200);
        c.Property(x => x.AgencyName).HasMaxLength(200);
        c.Property(x => x.ContractId).HasMaxLength(64);
        c.Property(x => x.TraffickingStatus).HasConversion<string>().HasMaxLength(40);
        c.Property(x => x.TraffickingStatusDecisionMakingOrg).HasConversion<string>().HasMaxLength(40);
        c.Property(x => x.ScreenedBy).HasMaxLength(256);
        c.Property(x => x.Priority).HasConversion<string>().HasMaxLength(8);
        c.Property(x => x.State).HasConversion<string>().HasMaxLength(12);
        c.Property(x => x.AssigneeId).HasMaxLength(64);
        c.Property(x => x.AssigneeName).HasMaxLength(256);
        c.Property(x => x.DueRule).HasMaxLength(20);
        c.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
        c.Property(x => x.Resolution).HasConversion<string>().HasMaxLength(24);
        c.Property(x => x.Version).IsConcurrencyToken();
        CebuDbContext.JsonColumn(c.Property(x => x.LabourIssues));
        CebuDbContext.JsonColumn(c.Property(x => x.MethodsOfControl));
        CebuDbContext.JsonColumn(c.Property(x => x.ScreeningAnswers));
        CebuDbContext.JsonColumn(c.Property(x => x.ScreeningFacts));
        CebuDbContext.JsonColumn(c.Property(x => x.ForcedLabourIndicators));
        CebuDbContext.JsonColumn(c.Property(x => x.ScreeningRules));
        c.Ignore(x => x.PersonName);
        c.Ignore(x => x.AssigneeGuid);
        c.HasIndex(x => x.ReceiptCode).IsUnique();
        c.HasIndex(x => new { x.OwnerOrganisationId, x.State, x.Priority });
        c.HasIndex(x => x.WorkerId);
        c.HasIndex(x => x.AgencyId);
        c.HasIndex(x => new { x.OwnerOrganisationId, x.DueAtUtc });
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> n)
    {
        n.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        n.Property(x => x.Text).HasMaxLength(CaseRules.MaxNote);
        n.Property(x => x.WrittenBy).HasMaxLength(256);
        n.HasIndex(x => new { x.CaseId, x.WrittenAt });
        n.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStatusChangeConfiguration : IEntityTypeConfiguration<CaseStatusChange>
{
    public void Configure(EntityTypeBuilder<CaseStatusChange> s)
    {
        s.Property(x => x.OwnerOrganisationId).HasMaxLength(64);
        s.Property(x => x.From).HasConversion<string>().HasMaxLength(12);
        s.Property(x => x.To).HasConversion<string>().HasMaxLength(12);
        s.Property(x => x.Reason).HasMaxLength(CaseRules.MaxNote);
        s.Property(x => x.ChangedBy).HasMaxLength(256);
        s.HasIndex(x => new { x.CaseId, x.ChangedAt });
        s.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseIntakeRouteConfiguration : IEntityTypeConfiguration<CaseIntakeRoute>
{
    public void Configure(EntityTypeBuilder<CaseIntakeRoute> r)
    {
        r.Property(x => x.Country).HasMaxLength(2);
        r.Property(x => x.Nationality).HasMaxLength(2);
        r.Property(x => x.OrganisationId).HasMaxLength(64);
        r.Property(x => x.Why).HasMaxLength(300);
        r.HasIndex(x => new { x.Country, x.Nationality }).IsUnique();
    }
}
