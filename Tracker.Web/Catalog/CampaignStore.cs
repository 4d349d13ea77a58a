using Microsoft.EntityFrameworkCore;
using Tracker.Core.Campaigns;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.Catalog;

/// <summary>
/// Every read and write of campaigns and their streams goes through here, so the UI and the API
/// validate the same way, detect stale versions the same way, and every save is announced on the
/// change feed (the routing snapshot rebuilds on it, other admin tabs reload).
/// </summary>
public sealed class CampaignStore(IDbContextFactory<TrackerDbContext> contextFactory, VersionedCommit<Campaign> commit)
{
    /// <summary>Campaigns with their streams in order, by name.</summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(ItemState? state = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        IQueryable<Campaign> q = db.Campaigns.AsNoTracking();
        if (state is { } s) q = q.Where(c => c.State == s);
        var campaigns = await q.OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct);
        foreach (var c in campaigns) SortStreams(c);
        return campaigns;
    }

    /// <summary>Id and name of every campaign, for filters and pickers.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListSummariesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.AsNoTracking().IgnoreAutoIncludes().OrderBy(c => c.Name)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Alias, c.State))
            .ToListAsync(ct);
    }

    public async Task<Campaign?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return campaign is null ? null : SortStreams(campaign);
    }

    /// <summary>For checking an alias as the user types it.</summary>
    public async Task<bool> IsAliasTakenAsync(string alias, int exceptCampaignId = 0, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var normalized = alias.Trim().ToLowerInvariant();
        return await db.Campaigns.IgnoreAutoIncludes().AnyAsync(c => c.Alias == normalized && c.Id != exceptCampaignId, ct);
    }

    public async Task<SaveResult<Campaign>> CreateAsync(Campaign campaign, CancellationToken ct = default)
    {
        CampaignValidator.Normalize(campaign);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        campaign.Id = 0;
        var errors = CampaignValidator.Validate(campaign, await ReferencesAsync(db, campaign, ct));
        if (!errors.IsValid) return SaveResult<Campaign>.Invalid(errors);
        foreach (var s in campaign.Streams)
        {
            s.Id = 0;
            s.CampaignId = 0;
        }
        return await commit.AddAsync(db, campaign, ct);
    }

    /// <summary>
    /// Saves an edited campaign whose <see cref="Campaign.Version"/> is the version the editor started
    /// from; a newer version in the database is a conflict and nothing is overwritten. Streams are
    /// saved in list order: a stream with an id updates that stream, one without is added, and
    /// streams missing from the list are removed.
    /// </summary>
    public async Task<SaveResult<Campaign>> UpdateAsync(Campaign edited, CancellationToken ct = default)
    {
        CampaignValidator.Normalize(edited);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == edited.Id, ct);
        if (commit.Refuses(row, edited.Version, out var refused)) return refused;

        var errors = CampaignValidator.Validate(edited, await ReferencesAsync(db, edited, ct));
        var existing = row.Streams.ToDictionary(s => s.Id);
        for (var i = 0; i < edited.Streams.Count; i++)
        {
            var id = edited.Streams[i].Id;
            if (id != 0 && !existing.ContainsKey(id))
                errors.Add($"streams[{i}].id", $"Stream {id} is not part of this campaign; leave the id out (or 0) to add a new stream.");
            else if (id != 0 && edited.Streams.Take(i).Any(s => s.Id == id))
                errors.Add($"streams[{i}].id", $"Stream {id} appears twice; each stream can be listed once.");
        }
        if (!errors.IsValid) return SaveResult<Campaign>.Invalid(errors);

        row.Name = edited.Name;
        row.Alias = edited.Alias;
        row.State = edited.State;
        row.UniquenessHours = edited.UniquenessHours;
        var keep = edited.Streams.Where(s => s.Id != 0).Select(s => s.Id).ToHashSet();
        foreach (var gone in row.Streams.Where(s => !keep.Contains(s.Id)).ToList())
        {
            row.Streams.Remove(gone);
            db.Streams.Remove(gone);
        }
        foreach (var s in edited.Streams)
        {
            var target = s.Id != 0 ? existing[s.Id] : new CampaignStream();
            CopyStream(s, target);
            if (s.Id == 0) row.Streams.Add(target);
        }
        return await commit.CommitAsync(db, row, ct);
    }

    public Task<SaveResult<Campaign>> ArchiveAsync(int id, CancellationToken ct = default) => SetStateAsync(id, ItemState.Archived, ct);

    public Task<SaveResult<Campaign>> RestoreAsync(int id, CancellationToken ct = default) => SetStateAsync(id, ItemState.Active, ct);

    /// <summary>
    /// Removes the campaign and its streams. Refused while recorded clicks belong to it, because its
    /// reports and conversions would lose their campaign: archive it instead.
    /// </summary>
    public async Task<SaveResult<Campaign>> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (row is null) return SaveResult<Campaign>.NotFound();
        if (await db.Clicks.AnyAsync(c => c.CampaignId == id, ct))
            return SaveResult<Campaign>.Invalid(ValidationErrors.Single("id",
                "Recorded clicks belong to this campaign, so deleting it would orphan them; archive it instead."));
        await commit.RemoveAsync(db, row, ct);
        return SaveResult<Campaign>.Saved(SortStreams(row));
    }

    private async Task<SaveResult<Campaign>> SetStateAsync(int id, ItemState state, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (row is null) return SaveResult<Campaign>.NotFound();
        row.State = state;
        return await commit.CommitAsync(db, row, ct);
    }

    private static void CopyStream(CampaignStream from, CampaignStream to)
    {
        to.Position = from.Position;
        to.Name = from.Name;
        to.Type = from.Type;
        to.Weight = from.Weight;
        to.State = from.State;
        to.Filters = [.. from.Filters.Select(f => new StreamFilter { Type = f.Type, Mode = f.Mode, Values = [.. f.Values] })];
        to.Action = from.Action;
        to.ActionPayload = from.ActionPayload;
        to.Offers = [.. from.Offers.Select(o => new StreamOffer { OfferId = o.OfferId, Share = o.Share })];
    }

    /// <summary>Campaigns leave the store with their streams in order.</summary>
    internal static Campaign SortStreams(Campaign c)
    {
        c.Streams = [.. c.Streams.OrderBy(s => s.Position).ThenBy(s => s.Id)];
        return c;
    }

    private static async Task<CampaignReferences> ReferencesAsync(TrackerDbContext db, Campaign campaign, CancellationToken ct)
    {
        var offers = (await db.Offers.Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var aliasTaken = await db.Campaigns.IgnoreAutoIncludes().AnyAsync(c => c.Alias == campaign.Alias && c.Id != campaign.Id, ct);
        return new CampaignReferences(alias => aliasTaken && alias == campaign.Alias, offers.Contains);
    }

    /// <summary>Two saves raced for the same alias and the unique index let only one through; null for any other failure.</summary>
    internal static ValidationErrors? AliasRaceLost(DbUpdateException ex, Campaign campaign) =>
        SqliteErrors.IsUniqueViolation(ex, "campaigns.Alias")
            ? ValidationErrors.Single("alias", $"Another campaign already uses '{campaign.Alias}'; choose another alias.")
            : null;
}
