using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NationalityVerificationBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CivilRegistryRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RegistryNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GivenNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    PlaceOfBirth = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FatherName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MotherName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentNumbers = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeyName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyDate = table.Column<int>(type: "integer", nullable: false),
                    KeyDocument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivilRegistryRecord", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationBatch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ToState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FromState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedByOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    Matched = table.Column<int>(type: "integer", nullable: false),
                    Possible = table.Column<int>(type: "integer", nullable: false),
                    NotFound = table.Column<int>(type: "integer", nullable: false),
                    Confirmed = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationBatch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationBlock",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationBlock", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationBlock_VerificationBatch_BatchId",
                        column: x => x.BatchId,
                        principalTable: "VerificationBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationRequest",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Block = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    ToState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    FromState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    LocalReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GivenNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    PlaceOfBirth = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FatherName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MotherName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OldDocumentNumbers = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    CandidateSource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationRequest_VerificationBatch_BatchId",
                        column: x => x.BatchId,
                        principalTable: "VerificationBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CivilRegistryRecord_State_KeyDate",
                table: "CivilRegistryRecord",
                columns: new[] { "State", "KeyDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CivilRegistryRecord_State_KeyDocument",
                table: "CivilRegistryRecord",
                columns: new[] { "State", "KeyDocument" });

            migrationBuilder.CreateIndex(
                name: "IX_CivilRegistryRecord_State_KeyName",
                table: "CivilRegistryRecord",
                columns: new[] { "State", "KeyName" });

            migrationBuilder.CreateIndex(
                name: "IX_CivilRegistryRecord_State_RegistryNumber",
                table: "CivilRegistryRecord",
                columns: new[] { "State", "RegistryNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationBatch_FromState_SubmittedAt",
                table: "VerificationBatch",
                columns: new[] { "FromState", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationBatch_ToState_SubmittedAt",
                table: "VerificationBatch",
                columns: new[] { "ToState", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationBlock_BatchId_Number",
                table: "VerificationBlock",
                columns: new[] { "BatchId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationBlock_DoneAt",
                table: "VerificationBlock",
                column: "DoneAt");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRequest_BatchId_Block",
                table: "VerificationRequest",
                columns: new[] { "BatchId", "Block" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRequest_BatchId_Line",
                table: "VerificationRequest",
                columns: new[] { "BatchId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRequest_CertificateNumber",
                table: "VerificationRequest",
                column: "CertificateNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CivilRegistryRecord");

            migrationBuilder.DropTable(
                name: "VerificationBlock");

            migrationBuilder.DropTable(
                name: "VerificationRequest");

            migrationBuilder.DropTable(
                name: "VerificationBatch");
        }
    }
}
