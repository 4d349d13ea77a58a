using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CostBaseMicros",
                table: "clicks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Keyword",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubId1",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubId2",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubId3",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubId4",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubId5",
                table: "clicks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "report_rollup_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    DayZone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DayBuiltUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_rollup_state", x => x.Id);
                });

            // WITHOUT ROWID (by hand; EF cannot say it): the rows are stored in key order, so a report's
            // range scan reads them directly instead of an index and then the table. Keep this when
            // regenerating the migration.
            migrationBuilder.Sql("""
                CREATE TABLE "report_rollups" (
                    "Grain" INTEGER NOT NULL,
                    "Bucket" INTEGER NOT NULL,
                    "CampaignId" INTEGER NOT NULL,
                    "StreamId" INTEGER NOT NULL,
                    "OfferId" INTEGER NOT NULL,
                    "AffiliateNetworkId" INTEGER NOT NULL,
                    "Country" TEXT NOT NULL,
                    "Clicks" INTEGER NOT NULL,
                    "UniqueClicks" INTEGER NOT NULL,
                    "CostMicros" INTEGER NOT NULL,
                    "ClickRevenueMicros" INTEGER NOT NULL,
                    "Leads" INTEGER NOT NULL,
                    "Sales" INTEGER NOT NULL,
                    "Rejected" INTEGER NOT NULL,
                    "Rebills" INTEGER NOT NULL,
                    "RevenueMicros" INTEGER NOT NULL,
                    "RevenueHoldMicros" INTEGER NOT NULL,
                    "LeadsAtConversion" INTEGER NOT NULL,
                    "SalesAtConversion" INTEGER NOT NULL,
                    "RejectedAtConversion" INTEGER NOT NULL,
                    "RebillsAtConversion" INTEGER NOT NULL,
                    "RevenueMicrosAtConversion" INTEGER NOT NULL,
                    "RevenueHoldMicrosAtConversion" INTEGER NOT NULL,
                    CONSTRAINT "PK_report_rollups" PRIMARY KEY ("Grain", "Bucket", "CampaignId", "StreamId", "OfferId", "AffiliateNetworkId", "Country")
                ) WITHOUT ROWID;
                """);

            // Existing clicks get their report columns from their parameters; cost in the base
            // currency only where it was sent in it (past exchange rates are not known).
            migrationBuilder.Sql("""
                UPDATE clicks SET
                    Source = COALESCE(substr(json_extract(Parameters, '$.source'), 1, 500), ''),
                    Keyword = COALESCE(substr(json_extract(Parameters, '$.keyword'), 1, 500), ''),
                    SubId1 = COALESCE(substr(json_extract(Parameters, '$.sub_id_1'), 1, 500), ''),
                    SubId2 = COALESCE(substr(json_extract(Parameters, '$.sub_id_2'), 1, 500), ''),
                    SubId3 = COALESCE(substr(json_extract(Parameters, '$.sub_id_3'), 1, 500), ''),
                    SubId4 = COALESCE(substr(json_extract(Parameters, '$.sub_id_4'), 1, 500), ''),
                    SubId5 = COALESCE(substr(json_extract(Parameters, '$.sub_id_5'), 1, 500), ''),
                    CostBaseMicros = CASE WHEN CostCurrency = '' OR upper(CostCurrency) = (SELECT upper(BaseCurrency) FROM settings WHERE Id = 1) THEN CostMicros ELSE 0 END
                WHERE Parameters <> '{}' OR CostMicros <> 0;
                """);

            migrationBuilder.InsertData(
                table: "report_rollup_state",
                columns: new[] { "Id", "DayBuiltUntil", "DayZone" },
                values: new object[] { 1, -1L, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_rollup_state");

            migrationBuilder.DropTable(
                name: "report_rollups");

            migrationBuilder.DropColumn(
                name: "CostBaseMicros",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "Keyword",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "SubId1",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "SubId2",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "SubId3",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "SubId4",
                table: "clicks");

            migrationBuilder.DropColumn(
                name: "SubId5",
                table: "clicks");
        }
    }
}
