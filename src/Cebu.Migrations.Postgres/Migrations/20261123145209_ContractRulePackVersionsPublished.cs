using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedByOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
