using System.Text;
using System.Text.Json;

namespace KnowledgeBase.Generator.Cli;

/// <summary>
/// `kb diff OLD_SITE NEW_SITE`: what a content change does, for a reviewer: the answers whose status,
/// value, citation, qualifier or verification changed (from data/answers.csv), the findings added,
/// removed or reworded (data/findings.json), and the pages added, removed or changed.
/// </summary>
internal static class SiteDiff
{
    private static readonly string[] Compared = ["status", "value", "unit", "statute", "section", "qualifier", "verification"];

    public static string Describe(string oldSite, string newSite)
    {
        var sb = new StringBuilder();
        string Text(string site, string name) => File.Exists(Path.Combine(site, "data", name)) ? File.ReadAllText(Path.Combine(site, "data", name)) : "";
        var answerLines = AnswerChanges(Text(oldSite, "answers.csv"), Text(newSite, "answers.csv"));
        sb.Append($"## Answers ({answerLines.Count} changed)\n");
        foreach (var line in answerLines) sb.Append(line).Append('\n');

        var (oldFindings, newFindings) = (Findings(oldSite), Findings(newSite));
        var findingLines = new List<string>();
        foreach (var id in oldFindings.Keys.Union(newFindings.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (oldFindings.GetValueOrDefault(id), newFindings.GetValueOrDefault(id));
            if (a is null) findingLines.Add($"- added {id}: {b}");
            else if (b is null) findingLines.Add($"- removed {id}: {a}");
            else if (a != b) findingLines.Add($"- changed {id}: {b} (was: {a})");
        }
        sb.Append($"\n## Findings ({findingLines.Count} changed)\n");
        foreach (var line in findingLines) sb.Append(line).Append('\n');

        var (oldPages, newPages) = (Pages(oldSite), Pages(newSite));
        var added = newPages.Keys.Except(oldPages.Keys).Order(StringComparer.Ordinal).ToList();
        var removed = oldPages.Keys.Except(newPages.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = newPages.Keys.Intersect(oldPages.Keys).Where(p => !SameBytes(oldPages[p], newPages[p])).Order(StringComparer.Ordinal).ToList();
        sb.Append($"\n## Pages ({added.Count} added, {removed.Count} removed, {changed.Count} changed of {newPages.Count})\n");
        foreach (var p in added) sb.Append($"- added /{Url(p)}\n");
        foreach (var p in removed) sb.Append($"- removed /{Url(p)}\n");
        foreach (var p in changed) sb.Append($"- changed /{Url(p)}\n");
        return sb.ToString();
    }

    private static string Url(string file) => file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;

    private static string Show(string? v) => string.IsNullOrEmpty(v) ? "(none)" : v;

    private static string Describe(IReadOnlyDictionary<string, string> row) =>
        string.Join(", ", new[] { row.GetValueOrDefault("status"), row.GetValueOrDefault("value") }.Where(v => !string.IsNullOrEmpty(v)));

    private static bool SameBytes(string a, string b) => new FileInfo(a).Length == new FileInfo(b).Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    private static Dictionary<string, string> Pages(string site) => Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(site, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);

    /// <summary>One line per answer (topic/jurisdiction) whose compared columns differ between two answers.csv texts.</summary>
    internal static List<string> AnswerChanges(string oldCsv, string newCsv)
    {
        var (oldAnswers, newAnswers) = (Answers(oldCsv), Answers(newCsv));
        var lines = new List<string>();
        foreach (var key in oldAnswers.Keys.Union(newAnswers.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (oldAnswers.GetValueOrDefault(key), newAnswers.GetValueOrDefault(key));
            if (a is null) lines.Add($"- {key}: added ({Describe(b!)})");
            else if (b is null) lines.Add($"- {key}: removed (was {Describe(a)})");
            else
            {
                var changes = Compared.Where(c => a.GetValueOrDefault(c) != b.GetValueOrDefault(c))
                    .Select(c => $"{c} {Show(a.GetValueOrDefault(c))} → {Show(b.GetValueOrDefault(c))}").ToList();
                if (changes.Count > 0) lines.Add($"- {key}: {string.Join("; ", changes)}");
            }
        }
        return lines;
    }

    /// <summary>The ids in a findings.csv text.</summary>
    internal static HashSet<string> FindingIds(string csv) => Csv(csv).Skip(1).Where(r => r.Count > 0 && r[0].Length > 0).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, Dictionary<string, string>> Answers(string csv)
    {
        var map = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var rows = Csv(csv);
        if (rows.Count == 0) return map;
        var header = rows[0];
        foreach (var row in rows.Skip(1))
        {
            var record = header.Select((h, i) => (h, v: i < row.Count ? row[i] : "")).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
            map[$"{record.GetValueOrDefault("topic")}/{record.GetValueOrDefault("jurisdiction")}"] = record;
        }
        return map;
    }

    private static Dictionary<string, string> Findings(string site)
    {
        var file = Path.Combine(site, "data", "findings.json");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(file)) return map;
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        foreach (var f in json.RootElement.EnumerateArray())
            map[f.GetProperty("id").GetString()!] = f.GetProperty("summary").GetString() ?? "";
        return map;
    }

    /// <summary>RFC 4180 fields: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    internal static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
