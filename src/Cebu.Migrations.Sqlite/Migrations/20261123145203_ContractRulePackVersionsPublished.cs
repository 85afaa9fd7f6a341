using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractRulePackVersionsPublished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractRulePackVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedByOrganisation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractRulePackVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractRulePackVersions_Country_EffectiveFrom",
                table: "ContractRulePackVersions",
                columns: new[] { "Country", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractRulePackVersions_Country_Version",
                table: "ContractRulePackVersions",
                columns: new[] { "Country", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractRulePackVersions");
        }
    }
}
