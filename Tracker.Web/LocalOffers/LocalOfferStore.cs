using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracker.Core.Security;
using Tracker.Web.Data;
using Tracker.Web.Live;
using Tracker.Web.Options;

namespace Tracker.Web.LocalOffers;

/// <summary>
/// Local offer archives on disk under <c>{DataDirectory}/offers/</c>: <c>{key}/{version}/</c> holds the files of
/// one upload, <c>{key}/current.json</c> names the version being served. An upload is extracted and checked in
/// a temporary folder, renamed into place, and swapped in by replacing <c>current.json</c> (an atomic rename),
/// so visitors see the old version or the new one, never a mix, and a refused upload changes nothing.
/// </summary>
public sealed class LocalOfferStore : IDisposable
{
    private const string ManifestName = "current.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDbContextFactory<TrackerDbContext> _contexts;
    private readonly IOptions<LocalOfferOptions> _options;
    private readonly ChangeFeed _feed;
    private readonly TimeProvider _clock;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LocalOfferStore> _logger;
    private readonly ConcurrentDictionary<string, LocalOfferSite> _sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _offerLocks = new();
    private readonly IDisposable _subscription;

    public LocalOfferStore(
        IDbContextFactory<TrackerDbContext> contexts, IOptions<TrackerOptions> tracker, IOptions<LocalOfferOptions> options,
        ChangeFeed feed, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<LocalOfferStore> logger)
    {
        _contexts = contexts;
        _options = options;
        _feed = feed;
        _clock = clock;
        _lifetime = lifetime;
        _logger = logger;
        Root = Path.Combine(tracker.Value.FullDataDirectory, "offers");
        Directory.CreateDirectory(Root);
        _subscription = feed.Subscribe(OnChangeAsync);
    }

    /// <summary><c>{DataDirectory}/offers</c>.</summary>
    public string Root { get; }

    /// <summary>Where uploads are received and extracted before they are swapped in.</summary>
    public string TempRoot => Path.Combine(Root, ".tmp");

    private string TrashRoot => Path.Combine(Root, ".trash");

    /// <summary>How long a replaced version stays on disk for requests that started before the swap.</summary>
    public TimeSpan RetiredVersionGrace { get; set; } = TimeSpan.FromMinutes(2);

    public ArchiveUpload CreateUpload()
    {
        var folder = Path.Combine(TempRoot, SecureToken.Create());
        Directory.CreateDirectory(folder);
        return new ArchiveUpload(folder, DeleteFolder);
    }

    /// <summary>
    /// Extracts <paramref name="upload"/>'s zip, checks it, and makes it the offer's served archive. With
    /// <paramref name="expectedVersion"/>, refuses when the offer changed since the caller read it.
    /// </summary>
    public async Task<ArchiveChange> InstallAsync(int offerId, ArchiveUpload upload, string fileName, int? expectedVersion, CancellationToken ct)
    {
        var gate = _offerLocks.GetOrAdd(offerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var offer = await LoadAsync(offerId, ct);
            if (offer is null) return new ArchiveChange(ArchiveChangeStatus.OfferNotFound);
            if (expectedVersion is { } expected && expected != offer.Version)
                return new ArchiveChange(ArchiveChangeStatus.VersionConflict, offer.Version);

            var extracted = await LocalOfferExtractor.ExtractAsync(upload.ZipPath, upload.FilesFolder, _options.Value.Limits, ct);
            if (!extracted.Succeeded)
            {
                _logger.LogInformation("Refused the archive uploaded for offer {OfferId}: {Problems}", offerId, string.Join(" ", extracted.Problems));
                return new ArchiveChange(ArchiveChangeStatus.Refused, offer.Version, Problems: extracted.Problems);
            }

            // From here on the swap runs to its end (or is rolled back) whatever the client does.
            var key = offer.LocalKey ?? SecureToken.Create();
            var keyFolder = Path.Combine(Root, key);
            var manifest = new LocalOfferManifest(
                SecureToken.Create(10), CleanFileName(fileName), _clock.GetUtcNow().UtcDateTime, extracted.Plan!.EntryPage,
                extracted.Files.Sum(f => f.Bytes), [.. extracted.Files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
            var versionFolder = Path.Combine(keyFolder, manifest.Version);
            Directory.CreateDirectory(keyFolder);
            Directory.Move(upload.FilesFolder, versionFolder);
            var previous = ReadManifest(keyFolder);
            WriteManifest(keyFolder, manifest);

            int? version;
            try
            {
                version = await MarkLocalAsync(offerId, key);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Saving offer {OfferId} after its archive was extracted failed; the previous archive stays", offerId);
                RollBack(key, keyFolder, versionFolder, previous);
                throw;
            }
            if (version is null)
            {
                // Deleted while we extracted: nothing should serve this upload.
                RollBack(key, keyFolder, versionFolder, previous);
                return new ArchiveChange(ArchiveChangeStatus.OfferNotFound);
            }

            _sites[key] = new LocalOfferSite(offerId, key, versionFolder, manifest);
            if (previous is not null) Retire(Path.Combine(keyFolder, previous.Version));
            _logger.LogInformation("Offer {OfferId} now serves {FileName} ({Files} files, {Bytes} bytes) at /lo/{Key}/",
                offerId, manifest.FileName, manifest.Files.Count, manifest.TotalBytes, key);
            _feed.Publish(new ChangeNotice(ChangeNotice.Offer, offerId, version.Value));
            return new ArchiveChange(ArchiveChangeStatus.Done, version.Value, new LocalOfferArchive(offerId, key, manifest));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes the offer's archive and turns it back into a redirect offer.</summary>
    public async Task<ArchiveChange> RemoveAsync(int offerId, int? expectedVersion, CancellationToken ct)
    {
        var gate = _offerLocks.GetOrAdd(offerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var offer = await LoadAsync(offerId, ct);
            if (offer is null) return new ArchiveChange(ArchiveChangeStatus.OfferNotFound);
            if (expectedVersion is { } expected && expected != offer.Version)
                return new ArchiveChange(ArchiveChangeStatus.VersionConflict, offer.Version);
            if (offer.LocalKey is null) return new ArchiveChange(ArchiveChangeStatus.NoArchive, offer.Version);

            await using var db = await _contexts.CreateDbContextAsync(CancellationToken.None);
            var now = _clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await db.Offers.Where(o => o.Id == offerId).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.IsLocal, false)
                .SetProperty(o => o.LocalKey, (string?)null)
                .SetProperty(o => o.Version, o => o.Version + 1)
                .SetProperty(o => o.UpdatedAt, now), CancellationToken.None);
            var version = await db.Offers.Where(o => o.Id == offerId).Select(o => o.Version).SingleAsync(CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);

            _sites.TryRemove(offer.LocalKey, out _);
            Discard(Path.Combine(Root, offer.LocalKey));
            _logger.LogInformation("Removed the archive of offer {OfferId}; it redirects again", offerId);
            _feed.Publish(new ChangeNotice(ChangeNotice.Offer, offerId, version));
            return new ArchiveChange(ArchiveChangeStatus.Done, version);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The offer's archive, or null when it has none.</summary>
    public async Task<LocalOfferArchive?> FindAsync(int offerId, CancellationToken ct)
    {
        var offer = await LoadAsync(offerId, ct);
        if (offer?.LocalKey is null) return null;
        var manifest = ReadManifest(Path.Combine(Root, offer.LocalKey));
        return manifest is null ? null : new LocalOfferArchive(offerId, offer.LocalKey, manifest);
    }

    /// <summary>The site behind <c>/lo/{key}/</c>, from memory after the first request; null for an unknown key.</summary>
    public async ValueTask<LocalOfferSite?> ResolveAsync(string key, CancellationToken ct)
    {
        if (!IsKey(key)) return null;
        if (_sites.TryGetValue(key, out var site)) return site;
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var offerId = await db.Offers.AsNoTracking().Where(o => o.LocalKey == key).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (offerId is null) return null;
        var keyFolder = Path.Combine(Root, key);
        var manifest = ReadManifest(keyFolder);
        if (manifest is null) return null;
        site = new LocalOfferSite(offerId.Value, key, Path.Combine(keyFolder, manifest.Version), manifest);
        // TryAdd, not set: a swap that happened meanwhile has already put the newer version here.
        return _sites.TryAdd(key, site) ? site : _sites.GetValueOrDefault(key, site);
    }

    /// <summary>
    /// Removes what interrupted work left behind: temporary uploads, archives of offers that no longer have
    /// them, and versions that are no longer served. Only touches things older than <paramref name="minimumAge"/>.
    /// </summary>
    public async Task SweepAsync(TimeSpan minimumAge, CancellationToken ct)
    {
        var cutoff = _clock.GetUtcNow().UtcDateTime - minimumAge;
        bool Old(string path) => Directory.GetLastWriteTimeUtc(path) < cutoff;

        foreach (var folder in new[] { TempRoot, TrashRoot }.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories).Where(Old).ToList())
            DeleteFolder(folder);

        await using var db = await _contexts.CreateDbContextAsync(ct);
        var keys = (await db.Offers.AsNoTracking().Where(o => o.LocalKey != null).Select(o => o.LocalKey!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var keyFolder in Directory.EnumerateDirectories(Root).ToList())
        {
            var key = Path.GetFileName(keyFolder);
            if (key.StartsWith('.')) continue;
            if (!keys.Contains(key))
            {
                if (Old(keyFolder)) Discard(keyFolder);
                continue;
            }
            var current = ReadManifest(keyFolder)?.Version;
            foreach (var version in Directory.EnumerateDirectories(keyFolder).Where(v => Path.GetFileName(v) != current && Old(v)).ToList())
                DeleteFolder(version);
        }
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Keys are <see cref="SecureToken.Create()"/> tokens: 26 of a-z and 2-7.</summary>
    public static bool IsKey(string? key) =>
        key is { Length: 26 } && key.All(c => c is >= 'a' and <= 'z' or >= '2' and <= '7');

    private Task OnChangeAsync(ChangeNotice notice)
    {
        if (notice.Kind != ChangeNotice.Offer) return Task.CompletedTask;
        // Any change to an offer may have changed or removed its key: look it up again on the next request.
        foreach (var (key, site) in _sites)
        {
            if (site.OfferId != notice.Id) continue;
            _sites.TryRemove(key, out _);
            if (notice.Deleted) Discard(Path.Combine(Root, key));
        }
        return Task.CompletedTask;
    }

    private sealed record OfferState(int Version, string? LocalKey);

    private async Task<OfferState?> LoadAsync(int offerId, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.Offers.AsNoTracking().Where(o => o.Id == offerId)
            .Select(o => new OfferState(o.Version, o.LocalKey)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Records the key and bumps the version in one transaction; null when the offer is gone.</summary>
    private async Task<int?> MarkLocalAsync(int offerId, string key)
    {
        await using var db = await _contexts.CreateDbContextAsync(CancellationToken.None);
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var rows = await db.Offers.Where(o => o.Id == offerId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.IsLocal, true)
            .SetProperty(o => o.LocalKey, key)
            .SetProperty(o => o.Version, o => o.Version + 1)
            .SetProperty(o => o.UpdatedAt, now), CancellationToken.None);
        if (rows == 0) return null;
        var version = await db.Offers.Where(o => o.Id == offerId).Select(o => o.Version).SingleAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        return version;
    }

    private void RollBack(string key, string keyFolder, string versionFolder, LocalOfferManifest? previous)
    {
        _sites.TryRemove(key, out _);
        if (previous is null)
        {
            Discard(keyFolder);
            return;
        }
        WriteManifest(keyFolder, previous);
        DeleteFolder(versionFolder);
    }

    private static LocalOfferManifest? ReadManifest(string keyFolder)
    {
        var path = Path.Combine(keyFolder, ManifestName);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<LocalOfferManifest>(stream, Json);
    }

    /// <summary>Write aside, then rename over: readers see the old manifest or the new one, never half of one.</summary>
    private static void WriteManifest(string keyFolder, LocalOfferManifest manifest)
    {
        var path = Path.Combine(keyFolder, ManifestName);
        var temp = path + "." + SecureToken.Create(5) + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, manifest, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Deletes a replaced version after the grace period, so requests that already started finish.</summary>
    private void Retire(string versionFolder)
    {
        var stopping = _lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(RetiredVersionGrace, _clock, stopping);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the start-up sweep removes it next time.
                return;
            }
            DeleteFolder(versionFolder);
        }, CancellationToken.None);
    }

    /// <summary>Moves a folder out of sight first (one rename), then deletes it.</summary>
    private void Discard(string folder)
    {
        if (!Directory.Exists(folder)) return;
        Directory.CreateDirectory(TrashRoot);
        var trash = Path.Combine(TrashRoot, Path.GetFileName(folder) + "-" + SecureToken.Create(5));
        try
        {
            Directory.Move(folder, trash);
        }
        catch (IOException ex)
        {
            _logger.LogWarning(ex, "Could not move {Folder} aside before deleting it", folder);
            trash = folder;
        }
        DeleteFolder(trash);
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not delete {Folder}; the next start-up sweep retries", folder);
        }
    }

    private static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > 200) name = name[..200];
        return name.Length == 0 ? "archive.zip" : name;
    }
}
