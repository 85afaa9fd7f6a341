using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsularNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DetentionNotice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DetainingState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RecordedByOrganisationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DetainedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PlaceDetained = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PlaceOfCustody = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConsulateId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConsulateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DetentionNotice", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DetentionNotice_ConsulateId",
                table: "DetentionNotice",
                column: "ConsulateId");

            migrationBuilder.CreateIndex(
                name: "IX_DetentionNotice_DetainingState",
                table: "DetentionNotice",
                column: "DetainingState");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DetentionNotice");
        }
    }
}
