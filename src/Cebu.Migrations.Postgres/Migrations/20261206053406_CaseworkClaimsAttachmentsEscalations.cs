using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseworkClaimsAttachmentsEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueAtUtc",
                table: "Case",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasForcedLabourIndicators",
                table: "Case",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasLabourIssues",
                table: "Case",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing cases: the UTC due date from DueAt, the type flags from the JSON lists.
            migrationBuilder.Sql("UPDATE \"Case\" SET \"DueAtUtc\" = \"DueAt\", \"HasLabourIssues\" = (\"LabourIssues\" <> '[]'), \"HasForcedLabourIndicators\" = (\"ForcedLabourIndicators\" <> '[]');");

            migrationBuilder.CreateTable(
                name: "CaseAttachment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachment_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEscalation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EscalateTo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedToHeadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Notified = table.Column<string>(type: "text", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEscalation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEscalation_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WageClaim",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Forum = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ForumName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Respondent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HeardOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WageClaim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WageClaim_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAttachmentContent",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachmentContent", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_CaseAttachmentContent_CaseAttachment_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "CaseAttachment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WageClaimPayment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WageClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Payer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WageClaimPayment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WageClaimPayment_WageClaim_WageClaimId",
                        column: x => x.WageClaimId,
                        principalTable: "WageClaim",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Case_OwnerOrganisationId_DueAtUtc",
                table: "Case",
                columns: new[] { "OwnerOrganisationId", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachment_CaseId",
                table: "CaseAttachment",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEscalation_CaseId_Rule_DueAtUtc",
                table: "CaseEscalation",
                columns: new[] { "CaseId", "Rule", "DueAtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseEscalation_OwnerOrganisationId_AcknowledgedAt",
                table: "CaseEscalation",
                columns: new[] { "OwnerOrganisationId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WageClaim_CaseId",
                table: "WageClaim",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_WageClaimPayment_CaseId",
                table: "WageClaimPayment",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_WageClaimPayment_WageClaimId",
                table: "WageClaimPayment",
                column: "WageClaimId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAttachmentContent");

            migrationBuilder.DropTable(
                name: "CaseEscalation");

            migrationBuilder.DropTable(
                name: "WageClaimPayment");

            migrationBuilder.DropTable(
                name: "CaseAttachment");

            migrationBuilder.DropTable(
                name: "WageClaim");

            migrationBuilder.DropIndex(
                name: "IX_Case_OwnerOrganisationId_DueAtUtc",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "DueAtUtc",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "HasForcedLabourIndicators",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "HasLabourIssues",
                table: "Case");
        }
    }
}
