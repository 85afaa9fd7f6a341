using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractsOnRecordAndSubstitution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmploymentContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    WorkplaceState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedByOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedByState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedByOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RejectionReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CheckCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AttestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AttestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AttestedByOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AttestationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ComparedWithContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Differences = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocumentSize = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmploymentContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmploymentContracts_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ReceivingState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VerifiedContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Differences = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractAlerts_EmploymentContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "EmploymentContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractDocuments",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractDocuments", x => x.ContractId);
                    table.ForeignKey(
                        name: "FK_ContractDocuments_EmploymentContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "EmploymentContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractAlerts_ContractId",
                table: "ContractAlerts",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractAlerts_OwnerState_Audience_AcknowledgedAt",
                table: "ContractAlerts",
                columns: new[] { "OwnerState", "Audience", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractAlerts_ReceivingState_Audience_AcknowledgedAt",
                table: "ContractAlerts",
                columns: new[] { "ReceivingState", "Audience", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentContracts_CheckCode",
                table: "EmploymentContracts",
                column: "CheckCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentContracts_OwnerState_Status",
                table: "EmploymentContracts",
                columns: new[] { "OwnerState", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentContracts_WorkerId_Status",
                table: "EmploymentContracts",
                columns: new[] { "WorkerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentContracts_WorkplaceState_Status",
                table: "EmploymentContracts",
                columns: new[] { "WorkplaceState", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractAlerts");

            migrationBuilder.DropTable(
                name: "ContractDocuments");

            migrationBuilder.DropTable(
                name: "EmploymentContracts");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "AspNetUsers");
        }
    }
}
