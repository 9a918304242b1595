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
    public static string Describe(string oldSite, string newSite)
    {
        var sb = new StringBuilder();
        string Text(string site, string name) =>
            File.Exists(Path.Combine(site, "data", name)) ? File.ReadAllText(Path.Combine(site, "data", name)) : "";
        var answerLines = Publish.DataDiff.AnswerChanges(Text(oldSite, "answers.csv"), Text(newSite, "answers.csv"));
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
        var changed = newPages.Keys.Intersect(oldPages.Keys)
            .Where(p => !SameBytes(oldPages[p], newPages[p]))
            .Order(StringComparer.Ordinal)
            .ToList();
        sb.Append($"\n## Pages ({added.Count} added, {removed.Count} removed, " +
            $"{changed.Count} changed of {newPages.Count})\n");
        foreach (var p in added) sb.Append($"- added /{Url(p)}\n");
        foreach (var p in removed) sb.Append($"- removed /{Url(p)}\n");
        foreach (var p in changed) sb.Append($"- changed /{Url(p)}\n");
        return sb.ToString();
    }

    private static string Url(string file) =>
        file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;

    private static bool SameBytes(string a, string b) =>
        new FileInfo(a).Length == new FileInfo(b).Length
        && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));


    private static Dictionary<string, string> Pages(string site) =>
        Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories)

        .ToDictionary(f => Path.GetRelativePath(site, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);

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

}
