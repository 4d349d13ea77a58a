using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubIdTimeLookup : Migration
    {
        /// <inheritdoc />
        /// <remarks>
        /// Subids now carry their click's time to the sixteenth of a second and are found through the
        /// (CreatedAt, SubId) index; the unique index on the random subid, which cost a random index
        /// page per click in every commit, is dropped (docs/adr/0005-time-prefixed-subids.md).
        /// </remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_clicks_CreatedAt",
                table: "clicks");

            migrationBuilder.DropIndex(
                name: "IX_clicks_SubId",
                table: "clicks");

            migrationBuilder.CreateTable(
                name: "legacy_click_subids",
                columns: table => new
                {
                    SubId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    ClickId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legacy_click_subids", x => x.SubId);
                });

            // Every subid issued so far, so postbacks and searches still find clicks made before subids
            // carried their time to the sixteenth of a second (ClickSubIds). One pass over the table.
            migrationBuilder.Sql("INSERT INTO legacy_click_subids (SubId, ClickId) SELECT SubId, Id FROM clicks WHERE SubId <> '';");

            migrationBuilder.CreateIndex(
                name: "IX_clicks_CreatedAt_SubId",
                table: "clicks",
                columns: new[] { "CreatedAt", "SubId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legacy_click_subids");

            migrationBuilder.DropIndex(
                name: "IX_clicks_CreatedAt_SubId",
                table: "clicks");

            migrationBuilder.CreateIndex(
                name: "IX_clicks_CreatedAt",
                table: "clicks",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_clicks_SubId",
                table: "clicks",
                column: "SubId",
                unique: true);
        }
    }
}
