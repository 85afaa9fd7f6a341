using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DupesScreeningEmployers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseDuplicateFlag",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OtherCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OtherReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDuplicateFlag", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Employer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteringState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TradingNames = table.Column<string>(type: "text", nullable: false),
                    Principals = table.Column<string>(type: "text", nullable: false),
                    Addresses = table.Column<string>(type: "text", nullable: false),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StatusSource = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StatusSince = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningHit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MatchedKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    MatchedId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchedState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    MatchedReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MatchedName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MatchedStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningHit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDuplicateFlag_CaseId",
                table: "CaseDuplicateFlag",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Employer_RegisteringState_RegistrationNumber",
                table: "Employer",
                columns: new[] { "RegisteringState", "RegistrationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employer_Status",
                table: "Employer",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningHit_OwnerState_Status",
                table: "ScreeningHit",
                columns: new[] { "OwnerState", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningHit_SubjectId",
                table: "ScreeningHit",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseDuplicateFlag");

            migrationBuilder.DropTable(
                name: "Employer");

            migrationBuilder.DropTable(
                name: "ScreeningHit");
        }
    }
}
