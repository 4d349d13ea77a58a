using Microsoft.EntityFrameworkCore;
using Tracker.Core.Admin;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Settings;
using Tracker.Web.Clicks;

namespace Tracker.Web.Data;

/// <summary>
/// A thin map of the model onto SQLite; one configuration class per entity in Configurations/.
/// </summary>
/// <remarks>
/// Add a migration: <c>dotnet ef migrations add &lt;Name&gt; --project Tracker.Web --output-dir Data/Migrations</c>.
/// CI fails when the model has changes with no migration (<c>dotnet ef migrations has-pending-model-changes</c>).
/// </remarks>
public sealed class TrackerDbContext(DbContextOptions<TrackerDbContext> options) : DbContext(options)
{
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OfferGroup> OfferGroups => Set<OfferGroup>();
    public DbSet<AffiliateNetwork> AffiliateNetworks => Set<AffiliateNetwork>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignStream> Streams => Set<CampaignStream>();
    public DbSet<Click> Clicks => Set<Click>();
    public DbSet<LegacyClickSubId> LegacyClickSubIds => Set<LegacyClickSubId>();
    public DbSet<TraceLine> TraceLines => Set<TraceLine>();
    public DbSet<Conversion> Conversions => Set<Conversion>();
    public DbSet<ConversionTransaction> ConversionTransactions => Set<ConversionTransaction>();
    public DbSet<PostbackLogEntry> PostbackLog => Set<PostbackLogEntry>();
    public DbSet<TrackerSettings> Settings => Set<TrackerSettings>();
    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();
    public DbSet<AdminSession> AdminSessions => Set<AdminSession>();
    public DbSet<AdminRecoveryCode> AdminRecoveryCodes => Set<AdminRecoveryCode>();
    public DbSet<AdminAccess> AdminAccess => Set<AdminAccess>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrackerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC; SQLite has no zone, so read them back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
