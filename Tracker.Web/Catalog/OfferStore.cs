using Microsoft.EntityFrameworkCore;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Data;

namespace Tracker.Web.Catalog;

/// <summary>
/// Every read and write of offers goes through here, so the UI and the API validate the same way,
/// detect stale versions the same way, and every save is announced on the change feed.
/// </summary>
public sealed class OfferStore(IDbContextFactory<TrackerDbContext> contextFactory, VersionedCommit<Offer> commit)
{
    public async Task<Page<Offer>> ListAsync(OfferQuery q, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        IQueryable<Offer> offers = db.Offers.AsNoTracking();
        if (q.State is { } state) offers = offers.Where(o => o.State == state);
        if (q.GroupId is { } g) offers = offers.Where(o => o.GroupId == g);
        if (q.AffiliateNetworkId is { } n) offers = offers.Where(o => o.AffiliateNetworkId == n);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim();
            if (int.TryParse(term, out var id))
                offers = offers.Where(o => o.Id == id || EF.Functions.Like(o.Name, "%" + term + "%"));
            else
                offers = offers.Where(o => EF.Functions.Like(o.Name, "%" + EscapeLike(term) + "%", "\\") || EF.Functions.Like(o.Url, "%" + EscapeLike(term) + "%", "\\"));
        }
        var total = await offers.CountAsync(ct);
        offers = (q.Sort, q.Descending) switch
        {
            (OfferSort.Name, false) => offers.OrderBy(o => o.Name).ThenBy(o => o.Id),
            (OfferSort.Name, true) => offers.OrderByDescending(o => o.Name).ThenByDescending(o => o.Id),
            (OfferSort.Id, false) => offers.OrderBy(o => o.Id),
            (OfferSort.Id, true) => offers.OrderByDescending(o => o.Id),
            (OfferSort.Updated, false) => offers.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id),
            (OfferSort.Updated, true) => offers.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.Id),
            (OfferSort.Payout, false) => offers.OrderBy(o => o.PayoutMicros).ThenBy(o => o.Id),
            (OfferSort.Payout, true) => offers.OrderByDescending(o => o.PayoutMicros).ThenByDescending(o => o.Id),
        };
        var items = await offers.Skip(Math.Max(0, q.Skip)).Take(Math.Clamp(q.Take, 1, 500)).ToListAsync(ct);
        return new Page<Offer>(items, total);
    }

    /// <summary>Id and name of every offer, for pickers (alternative offer, stream offers).</summary>
    public async Task<IReadOnlyList<OfferSummary>> ListSummariesAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Offers.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OfferSummary(o.Id, o.Name, o.State, o.GroupId, o.Countries))
            .ToListAsync(ct);
    }

    public async Task<Offer?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
    }

    public async Task<SaveResult<Offer>> CreateAsync(Offer offer, CancellationToken ct = default)
    {
        OfferValidator.Normalize(offer);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var errors = OfferValidator.Validate(offer, await ReferencesAsync(db, ct));
        if (!errors.IsValid) return SaveResult<Offer>.Invalid(errors);
        offer.Id = 0;
        return await commit.AddAsync(db, offer, ct);
    }

    /// <summary>
    /// Saves an edited offer whose <see cref="Offer.Version"/> is the version the editor started from.
    /// A newer version in the database is a conflict: nothing is overwritten.
    /// </summary>
    public async Task<SaveResult<Offer>> UpdateAsync(Offer edited, CancellationToken ct = default)
    {
        OfferValidator.Normalize(edited);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Offers.SingleOrDefaultAsync(o => o.Id == edited.Id, ct);
        if (commit.Refuses(row, edited.Version, out var refused)) return refused;
        var errors = OfferValidator.Validate(edited, await ReferencesAsync(db, ct));
        if (!errors.IsValid) return SaveResult<Offer>.Invalid(errors);

        row.Name = edited.Name;
        row.GroupId = edited.GroupId;
        row.AffiliateNetworkId = edited.AffiliateNetworkId;
        row.RedirectType = edited.RedirectType;
        row.Url = edited.Url;
        row.IsLocal = edited.IsLocal;
        row.Countries = [.. edited.Countries];
        row.PayoutType = edited.PayoutType;
        row.PayoutAuto = edited.PayoutAuto;
        row.PayoutMicros = edited.PayoutMicros;
        row.PayoutCurrency = edited.PayoutCurrency;
        row.Rebills = edited.Rebills;
        row.ConversionCap = edited.ConversionCap with { };
        row.Notes = edited.Notes;
        row.State = edited.State;
        return await commit.CommitAsync(db, row, ct);
    }

    public Task<SaveResult<Offer>> ArchiveAsync(int id, CancellationToken ct = default) => SetStateAsync(id, ItemState.Archived, ct);

    public Task<SaveResult<Offer>> RestoreAsync(int id, CancellationToken ct = default) => SetStateAsync(id, ItemState.Active, ct);

    /// <summary>Applies a change to the current row (local offer archive, state) with a version bump.</summary>
    public async Task<SaveResult<Offer>> MutateAsync(int id, Action<Offer> change, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Offers.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (row is null) return SaveResult<Offer>.NotFound();
        change(row);
        return await commit.CommitAsync(db, row, ct);
    }

    private Task<SaveResult<Offer>> SetStateAsync(int id, ItemState state, CancellationToken ct) =>
        MutateAsync(id, o => o.State = state, ct);

    public async Task<SaveResult<Offer>> DuplicateAsync(int id, CancellationToken ct = default)
    {
        var source = await GetAsync(id, ct);
        if (source is null) return SaveResult<Offer>.NotFound();
        var copyName = source.Name.Length > OfferValidator.MaxNameLength - 7 ? source.Name[..(OfferValidator.MaxNameLength - 7)] : source.Name;
        return await CreateAsync(source.Duplicate(copyName + " (copy)"), ct);
    }

    /// <summary>
    /// Hard delete, refused while anything references the offer (a stream, another offer's cap,
    /// a click or a conversion): archive it instead.
    /// </summary>
    public async Task<ValidationErrors> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await db.Offers.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (row is null) return ValidationErrors.Single("id", $"Offer {id} does not exist.");
        var reason = await ReferencedByAsync(db, id, ct);
        if (reason is not null) return ValidationErrors.Single("id", $"The offer is used by {reason}; archive it instead.");
        await commit.RemoveAsync(db, row, ct);
        return new ValidationErrors();
    }

    private static async Task<string?> ReferencedByAsync(TrackerDbContext db, int id, CancellationToken ct)
    {
        if (await db.Clicks.AnyAsync(c => c.OfferId == id, ct)) return "recorded clicks";
        if (await db.Conversions.AnyAsync(c => c.OfferId == id, ct)) return "conversions";
        if (await db.Offers.AnyAsync(o => o.ConversionCap.AlternativeOfferId == id, ct)) return "another offer's conversion cap";
        var streams = await db.Streams.AsNoTracking().ToListAsync(ct);
        var stream = streams.FirstOrDefault(s => s.Offers.Any(o => o.OfferId == id));
        return stream is null ? null : $"stream '{stream.Name}' of campaign {stream.CampaignId}";
    }

    private static async Task<OfferReferences> ReferencesAsync(TrackerDbContext db, CancellationToken ct)
    {
        var groups = (await db.OfferGroups.Select(g => g.Id).ToListAsync(ct)).ToHashSet();
        var networks = (await db.AffiliateNetworks.Select(n => n.Id).ToListAsync(ct)).ToHashSet();
        return new OfferReferences(groups.Contains, networks.Contains,
            id => db.Offers.Any(o => o.Id == id));
    }

    internal static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
