using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RollupsClicksThrough : Migration
    {
        /// <inheritdoc />
        /// <remarks>The click writer now adds clicks to the rollups a few times a second; this marks how far they count (ReportRollupState.ClicksThrough).</remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClicksThrough",
                table: "report_rollup_state",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.UpdateData(
                table: "report_rollup_state",
                keyColumn: "Id",
                keyValue: 1,
                column: "ClicksThrough",
                value: 0L);

            // Until now every click was added to the rollups in its own transaction: all of them are in.
            // A database whose rollups were never built keeps 0; its first start builds them all.
            migrationBuilder.Sql("UPDATE report_rollup_state SET ClicksThrough = (SELECT COALESCE(MAX(Id), 0) FROM clicks) WHERE Id = 1 AND DayBuiltUntil <> -1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClicksThrough",
                table: "report_rollup_state");
        }
    }
}
