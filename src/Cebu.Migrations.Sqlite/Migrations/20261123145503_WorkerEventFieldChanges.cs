using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cebu.Migrations.Sqlite.Migrations
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
                type: "TEXT",
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
