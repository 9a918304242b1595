using System.Text;

namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// What changed between two sets of the data downloads: the answers whose compared columns differ
/// (answers.csv) and the finding ids (findings.csv). The data page's release list and `kb diff`
/// both use it.
/// </summary>
internal static class DataDiff
{
    private static readonly string[] Compared =
        ["status", "value", "unit", "statute", "section", "qualifier", "verification"];

    private static string Show(string? v) => string.IsNullOrEmpty(v) ? "(none)" : v;

    private static string Summary(IReadOnlyDictionary<string, string> row) =>
        string.Join(", ", new[] { row.GetValueOrDefault("status"), row.GetValueOrDefault("value") }
            .Where(v => !string.IsNullOrEmpty(v)));


    /// <summary>
    /// One line per answer (topic/jurisdiction) whose compared columns differ between two answers.csv texts.
    /// </summary>
    internal static List<string> AnswerChanges(string oldCsv, string newCsv)
    {
        var (oldAnswers, newAnswers) = (Answers(oldCsv), Answers(newCsv));
        var lines = new List<string>();
        foreach (var key in oldAnswers.Keys.Union(newAnswers.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (oldAnswers.GetValueOrDefault(key), newAnswers.GetValueOrDefault(key));
            if (a is null) lines.Add($"- {key}: added ({Summary(b!)})");
            else if (b is null) lines.Add($"- {key}: removed (was {Summary(a)})");
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
    internal static HashSet<string> FindingIds(string csv) =>
        Csv(csv).Skip(1).Where(r => r.Count > 0 && r[0].Length > 0).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, Dictionary<string, string>> Answers(string csv)
    {
        var map = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var rows = Csv(csv);
        if (rows.Count == 0) return map;
        var header = rows[0];
        foreach (var row in rows.Skip(1))
        {
            var record = header.Select((h, i) => (h, v: i < row.Count ? row[i] : ""))
                .ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
            map[$"{record.GetValueOrDefault("topic")}/{record.GetValueOrDefault("jurisdiction")}"] = record;
        }
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
