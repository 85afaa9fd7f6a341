using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseReferralsWithConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseReferral",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SenderState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecipientOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecipientState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StatusChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConsentGivenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsentGivenByRole = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ConsentForm = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ConsentGivenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConsentUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConsentRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConsentRevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConsentRevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConsentRevocationReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReferral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReferral_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReferralUpdate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ByOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReferralUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReferralUpdate_CaseReferral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "CaseReferral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferral_CaseId",
                table: "CaseReferral",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferral_RecipientOrganisationId_Status",
                table: "CaseReferral",
                columns: new[] { "RecipientOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferralUpdate_ReferralId_At",
                table: "CaseReferralUpdate",
                columns: new[] { "ReferralId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseReferralUpdate");

            migrationBuilder.DropTable(
                name: "CaseReferral");
        }
    }
}
