using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// Dated data releases. Every build's downloads carry a version, the content's as-of date plus a short
/// hash of the downloads themselves, in data/release.json. `kb release` archives the current
/// downloads under content/releases/VERSION/; every build publishes each archived release at the
/// stable address data/releases/VERSION/ and the data page lists them, newest first, each with
/// what changed since the one before.
/// </summary>
internal static class Releases
{
    public const string Folder = "releases";

    /// <summary>The data files a release holds: everything under data/ but the page itself.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> DataFiles(IReadOnlyDictionary<string, byte[]> site) =>
        site.Where(kv => kv.Key.StartsWith("data/", StringComparison.Ordinal) && kv.Key.Count(c => c == '/') == 1
                         && kv.Key != "data/index.html" && kv.Key != "data/release.json")
            .OrderBy(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>
    /// "2026-12-07-1a2b3c4d": the as-of date and the first 8 hex digits of SHA-256 over the files' names and bytes.
    /// </summary>
    public static string Version(DateOnly asOf, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(name) + "\n"));
            sha.AppendData(bytes);
        }
        return asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-"
            + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }

    /// <summary>
    /// A release's manifest; <paramref name="sequence"/> numbers archived
    /// releases in the order they were made (null for a build's own).
    /// </summary>
    public static byte[] Manifest(string version, DateOnly asOf, IEnumerable<KeyValuePair<string, byte[]>> files,
        int? sequence = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            version,
            sequence,
            as_of = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            files = files.Select(f => new
            {
                name = Path.GetFileName(f.Key), bytes = f.Value.Length,
                sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Value))
            }),
        }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>
    /// The archived releases under content/releases/, oldest
    /// first; a folder without a readable release.json is skipped.
    /// </summary>
    public static IReadOnlyList<DataRelease> Archived(string contentDir)
    {
        var root = Path.Combine(contentDir, Folder);
        if (!System.IO.Directory.Exists(root)) return [];
        var list = new List<DataRelease>();
        foreach (var dir in System.IO.Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(dir, "release.json");
            if (!File.Exists(manifest)) continue;
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
                var version = json.RootElement.GetProperty("version").GetString()!;
                var asOf = DateOnly.ParseExact(json.RootElement.GetProperty("as_of").GetString()!, "yyyy-MM-dd",
                    CultureInfo.InvariantCulture);
                var files = json.RootElement.GetProperty("files").EnumerateArray()
                    .Select(f => f.GetProperty("name").GetString()!)
                    .Where(n => n == Path.GetFileName(n) && File.Exists(Path.Combine(dir, n))).ToList();
                var sequence = json.RootElement.TryGetProperty("sequence", out var n)
                    && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0;
                if (version == Path.GetFileName(dir)) list.Add(new DataRelease(version, asOf, sequence, dir, files));
            }
            catch (Exception e)
                when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A broken manifest is not a release; `kb release` writes them whole.
            }
        }
        var ordered = list.OrderBy(r => r.Sequence).ThenBy(r => r.AsOf).ThenBy(r => r.Version, StringComparer.Ordinal)
            .ToList();
        return ordered.Select((r, i) => i == 0 ? r : r with { Changes = Compare(ordered[i - 1], r) }).ToList();
    }

    /// <summary>What changed in the answers and findings between two releases.</summary>
    private static ReleaseChanges Compare(DataRelease before, DataRelease after)
    {
        string Read(DataRelease r, string name) =>
            File.Exists(Path.Combine(r.Directory, name)) ? File.ReadAllText(Path.Combine(r.Directory, name)) : "";
        var answers = DataDiff.AnswerChanges(Read(before, "answers.csv"), Read(after, "answers.csv")).Count;
        var (old, now) = (DataDiff.FindingIds(Read(before, "findings.csv")),
            DataDiff.FindingIds(Read(after, "findings.csv")));
        return new ReleaseChanges(before.Version, answers, now.Except(old).Count(), old.Except(now).Count());
    }

    /// <summary>
    /// This build's manifest, and every archived release at its stable address with an index of them.
    /// </summary>
    public static void AddTo(SortedDictionary<string, byte[]> site, KnowledgeBaseModel kb,
        IReadOnlyList<DataRelease> archived)
    {
        var current = DataFiles(site).ToList();
        site["data/release.json"] = Manifest(Version(kb.AsOf, current), kb.AsOf, current);
        foreach (var release in archived)
        foreach (var name in release.Files.Append("release.json").Distinct())
            site[$"data/releases/{release.Version}/{name}"] = File.ReadAllBytes(Path.Combine(release.Directory, name));
    }

}
