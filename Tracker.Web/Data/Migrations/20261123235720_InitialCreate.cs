using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admin_users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "affiliate_networks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfferParameters = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PostbackParameters = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affiliate_networks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UniquenessHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: true),
                    AffiliateNetworkId = table.Column<int>(type: "INTEGER", nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Referrer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsUnique = table.Column<bool>(type: "INTEGER", nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    CostMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    CostCurrency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RevenueMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Trace = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clicks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offer_groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offer_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "postback_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourceIp = table.Column<string>(type: "TEXT", maxLength: 45, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Raw = table.Column<string>(type: "TEXT", maxLength: 17000, nullable: false),
                    SubId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConversionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postback_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseCurrency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PostbackKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApiKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ExchangeRates = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "streams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Filters = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActionPayload = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Offers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_streams_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conversions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClickId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: true),
                    AffiliateNetworkId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OriginalStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RevenueMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalPayoutMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalCurrency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RebillCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Tid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClickedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversions_clicks_ClickId",
                        column: x => x.ClickId,
                        principalTable: "clicks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    AffiliateNetworkId = table.Column<int>(type: "INTEGER", nullable: true),
                    RedirectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsLocal = table.Column<bool>(type: "INTEGER", nullable: false),
                    LocalKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    PayoutType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PayoutAuto = table.Column<bool>(type: "INTEGER", nullable: false),
                    PayoutMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    PayoutCurrency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rebills = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    cap_alternative_offer_id = table.Column<int>(type: "INTEGER", nullable: true),
                    cap_daily_limit = table.Column<int>(type: "INTEGER", nullable: false),
                    cap_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    cap_time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_offers_affiliate_networks_AffiliateNetworkId",
                        column: x => x.AffiliateNetworkId,
                        principalTable: "affiliate_networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_offers_offer_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "offer_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversion_transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Tid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsRebill = table.Column<bool>(type: "INTEGER", nullable: false),
                    RevenueMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversion_transactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversion_transactions_conversions_ConversionId",
                        column: x => x.ConversionId,
                        principalTable: "conversions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admin_users_UserName",
                table: "admin_users",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_affiliate_networks_Name",
                table: "affiliate_networks",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_Alias",
                table: "campaigns",
                column: "Alias",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clicks_CampaignId_CreatedAt",
                table: "clicks",
                columns: new[] { "CampaignId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_clicks_CreatedAt",
                table: "clicks",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_clicks_SubId",
                table: "clicks",
                column: "SubId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversion_transactions_ConversionId",
                table: "conversion_transactions",
                column: "ConversionId");

            migrationBuilder.CreateIndex(
                name: "IX_conversion_transactions_SubId_Tid",
                table: "conversion_transactions",
                columns: new[] { "SubId", "Tid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversions_ClickId",
                table: "conversions",
                column: "ClickId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversions_CreatedAt",
                table: "conversions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_conversions_OfferId_CreatedAt",
                table: "conversions",
                columns: new[] { "OfferId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_conversions_SubId",
                table: "conversions",
                column: "SubId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offer_groups_Name",
                table: "offer_groups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offers_AffiliateNetworkId",
                table: "offers",
                column: "AffiliateNetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_GroupId",
                table: "offers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_LocalKey",
                table: "offers",
                column: "LocalKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offers_State_Name",
                table: "offers",
                columns: new[] { "State", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_postback_log_ReceivedAt",
                table: "postback_log",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_postback_log_SubId",
                table: "postback_log",
                column: "SubId");

            migrationBuilder.CreateIndex(
                name: "IX_streams_CampaignId_Position",
                table: "streams",
                columns: new[] { "CampaignId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_users");

            migrationBuilder.DropTable(
                name: "conversion_transactions");

            migrationBuilder.DropTable(
                name: "offers");

            migrationBuilder.DropTable(
                name: "postback_log");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "streams");

            migrationBuilder.DropTable(
                name: "conversions");

            migrationBuilder.DropTable(
                name: "affiliate_networks");

            migrationBuilder.DropTable(
                name: "offer_groups");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "clicks");
        }
    }
}
