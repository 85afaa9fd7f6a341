using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkerEventFieldChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "WorkerEvent",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Changes",
                table: "WorkerEvent");
        }
    }
}
