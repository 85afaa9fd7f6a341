using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Workers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Worker",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    OwnerOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GivenNames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameInLocalScript = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlaceOfBirth = table.Column<string>(type: "TEXT", nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NationalIdNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PassportNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PassportExpiry = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateOfIdentityNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    WorkPermitNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    WorkPermitExpiry = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Contacts = table.Column<string>(type: "TEXT", nullable: false),
                    NextOfKin = table.Column<string>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DocumentationStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DocumentationStatusSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentationStatusReason = table.Column<string>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    JobOrder = table.Column<string>(type: "TEXT", nullable: false),
                    PreDeparture = table.Column<string>(type: "TEXT", nullable: false),
                    ClearanceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClearanceIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BorderCrossingPoint = table.Column<string>(type: "TEXT", nullable: true),
                    PlacementState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Employer = table.Column<string>(type: "TEXT", nullable: true),
                    Workplace = table.Column<string>(type: "TEXT", nullable: true),
                    PlacementRegion = table.Column<string>(type: "TEXT", nullable: true),
                    PlacedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Reintegration = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Worker", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrisisCheck",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisCheck", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrisisCheck_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkerEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkerEvent_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkerSearchTerm",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerSearchTerm", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkerSearchTerm_Worker_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Worker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrisisCheck_WorkerId_Country",
                table: "CrisisCheck",
                columns: new[] { "WorkerId", "Country" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Worker_CertificateOfIdentityNumber",
                table: "Worker",
                column: "CertificateOfIdentityNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Worker_ClearanceCode",
                table: "Worker",
                column: "ClearanceCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Worker_DateOfBirth",
                table: "Worker",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Worker_NationalIdNumber",
                table: "Worker",
                column: "NationalIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Worker_OwnerState_Phase_Destination",
                table: "Worker",
                columns: new[] { "OwnerState", "Phase", "Destination" });

            migrationBuilder.CreateIndex(
                name: "IX_Worker_PassportNumber",
                table: "Worker",
                column: "PassportNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Worker_PlacementState_WorkPermitExpiry",
                table: "Worker",
                columns: new[] { "PlacementState", "WorkPermitExpiry" });

            migrationBuilder.CreateIndex(
                name: "IX_Worker_WorkPermitNumber",
                table: "Worker",
                column: "WorkPermitNumber");

            migrationBuilder.CreateIndex(
                name: "IX_WorkerEvent_WorkerId_On",
                table: "WorkerEvent",
                columns: new[] { "WorkerId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkerSearchTerm_Key_WorkerId",
                table: "WorkerSearchTerm",
                columns: new[] { "Key", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkerSearchTerm_WorkerId",
                table: "WorkerSearchTerm",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrisisCheck");

            migrationBuilder.DropTable(
                name: "WorkerEvent");

            migrationBuilder.DropTable(
                name: "WorkerSearchTerm");

            migrationBuilder.DropTable(
                name: "Worker");
        }
    }
}
