using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BotDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BotClicks",
                table: "report_rollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "BotReason",
                table: "clicks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_clicks_bots_CreatedAt",
                table: "clicks",
                column: "CreatedAt",
                filter: "BotReason <> 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_clicks_bots_CreatedAt",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "BotClicks",
                table: "report_rollups");

            migrationBuilder.DropColumn(
                name: "BotReason",
                table: "clicks");
        }
    }
}
