using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DetainingState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RecordedByOrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nationality = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DetainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlaceDetained = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Authority = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Grounds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PlaceOfCustody = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConsulateId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConsulateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
