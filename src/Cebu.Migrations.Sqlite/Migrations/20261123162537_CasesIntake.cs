using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CasesIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Case",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RoutedBecause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceiptCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SecondName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Citizenship = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    PrimaryLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MobilePhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContactConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CurrentCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LocationOfExploitation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LabourIssues = table.Column<string>(type: "TEXT", nullable: false),
                    MethodsOfControl = table.Column<string>(type: "TEXT", nullable: false),
                    TraffickingStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TraffickingStatusDecisionMakingOrg = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ScreeningAnswers = table.Column<string>(type: "TEXT", nullable: false),
                    ScreeningFacts = table.Column<string>(type: "TEXT", nullable: false),
                    Screened = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScreenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ScreenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignsOfTrafficking = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForcedLabourIndicators = table.Column<string>(type: "TEXT", nullable: false),
                    ScreeningRules = table.Column<string>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StateSince = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DueRule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Case", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseIntakeRoute",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    OrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseIntakeRoute", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseNote",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNote", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNote_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStatusChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStatusChange_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Case_AgencyId",
                table: "Case",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_OwnerOrganisationId_State_Priority",
                table: "Case",
                columns: new[] { "OwnerOrganisationId", "State", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_ReceiptCode",
                table: "Case",
                column: "ReceiptCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Case_WorkerId",
                table: "Case",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseIntakeRoute_Country_Nationality",
                table: "CaseIntakeRoute",
                columns: new[] { "Country", "Nationality" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseNote_CaseId_WrittenAt",
                table: "CaseNote",
                columns: new[] { "CaseId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusChange_CaseId_ChangedAt",
                table: "CaseStatusChange",
                columns: new[] { "CaseId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseIntakeRoute");

            migrationBuilder.DropTable(
                name: "CaseNote");

            migrationBuilder.DropTable(
                name: "CaseStatusChange");

            migrationBuilder.DropTable(
                name: "Case");
        }
    }
}
