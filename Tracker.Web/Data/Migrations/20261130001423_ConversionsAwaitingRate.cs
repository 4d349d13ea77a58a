using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConversionsAwaitingRate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingCurrency",
                table: "conversions",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingMicros",
                table: "conversions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PendingMicros",
                table: "conversion_transactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_conversions_PendingCurrency",
                table: "conversions",
                column: "PendingCurrency");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conversions_PendingCurrency",
                table: "conversions");

            migrationBuilder.DropColumn(
                name: "PendingCurrency",
                table: "conversions");

            migrationBuilder.DropColumn(
                name: "PendingMicros",
                table: "conversions");

            migrationBuilder.DropColumn(
                name: "PendingMicros",
                table: "conversion_transactions");
        }
    }
}
