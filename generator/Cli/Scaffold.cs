using System.Globalization;
using KnowledgeBase.Generator.Load;

namespace KnowledgeBase.Generator.Cli;

/// <summary>
/// `kb new KIND`: a record with its schema line and every required field, in the place the loader
/// reads it. What only a person can supply (a title, a source actually read, a summary) is written
/// as "TODO: …"; `kb check` accepts the record but warns at each TODO (KB3018) until it is filled
/// in, so a scaffold is never mistaken for a finished record.
/// </summary>
internal static class Scaffold
{
    public static readonly string[] Kinds = ["statute", "body", "topic", "answer", "judgment", "policy", "indicator"];

    /// <summary>The file to write (relative to the content folder) and its text, or an error for the reader.</summary>
    public static (string? Path, string? Text, string? Error) For(string kind, string? id,
        string? jurisdiction, string? topic,
        DateOnly today, IReadOnlyList<string> jurisdictions, string contentDir)
    {
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (kind != "answer" && (id is null || !Ids.IsValid(id)))
            return (null, null,
                $"'kb new {kind}' needs --id in lower-case kebab-case (e.g. --id punjab-example-act-2026)");
        if (kind is "statute" or "body" or "judgment" or "policy" or "answer"
            && (jurisdiction is null || !jurisdictions.Contains(jurisdiction)))
            return (null, null, $"'kb new {kind}' needs --jurisdiction, one of: {string.Join(", ", jurisdictions)}");
        var source = $"  - url: https://example.org/TODO\n    kind: report\n    read_on: {date}\n" +
            $"    title: \"TODO: publisher and document actually read\"\n";
        return kind switch
        {
            "statute" => ($"statutes/{jurisdiction}/{id}.yaml",
                "# yaml-language-server: $schema=../../schemas/statute.schema.json\n" +
                $"id: {id}\njurisdiction: {jurisdiction}\ntitle: \"TODO: the title as printed\"\n" +
                $"year: {today.Year}\nstatus: in-force\n" +
                $"applies_to: [{jurisdiction}]\nthemes: [child-protection]\nrules_notified: unknown\n" +
                "rules_note: \"TODO: which rules were notified and when, or the sources consulted\"\n" +
                $"source_url: https://example.org/TODO\nchecked_on: {date}\nverification: unverified\n" +
                "summary: |\n  TODO: two or three sentences in your own words.\nsections: []\n", null),
            "body" => ($"institutions/{jurisdiction}/{id}.yaml",
                "# yaml-language-server: $schema=../../schemas/institution.schema.json\n" +
                $"id: {id}\njurisdiction: {jurisdiction}\nname: \"TODO: the body's name\"\n" +
                $"kind: commission\nstatus: unknown\n" +
                $"reach: [{jurisdiction}]\nmandates: []\nsource_url: https://example.org/TODO\n" +
                $"checked_on: {date}\nverification: unverified\n" +
                "summary: |\n  TODO: what the body does, in your own words.\n", null),
            "topic" => ($"topics/{id}.yaml",
                "# yaml-language-server: $schema=../schemas/topic.schema.json\n" +
                $"id: {id}\ntitle: \"TODO: a short title\"\n" +
                $"question: \"TODO: the question every jurisdiction answers\"\n" +
                "theme: child-protection\nanswer_type: yes-no\ndirection: none\n" +
                "coding:\n  value: \"TODO: what the answer records\"\n" +
                "  no_provision: \"TODO: when it is coded no provision\"\n" +
                "answers:\n" + string.Concat(jurisdictions.Where(j => j != "federal").Select(j =>
                    $"  - jurisdiction: {j}\n    status: not-researched\n" +
                    $"    research: \"TODO: the sources consulted\"\n")), null),
            "answer" => AnswerFor(topic, jurisdiction!, contentDir),
            "judgment" => ($"judgments/{id}.yaml",
                "# yaml-language-server: $schema=../schemas/judgment.schema.json\n" +
                $"id: {id}\ntitle: \"TODO: the case name as reported\"\n" +
                $"court: Supreme Court of Pakistan\ndecided: {today.Year}\n" +
                $"jurisdiction: {jurisdiction}\nstatus: unknown\n" +
                $"held: |\n  TODO: what the court held, in plain words.\n" +
                "effects: []\naffects: []\nsources:\n" + source, null),
            "policy" => ($"policies/{id}.yaml",
                "# yaml-language-server: $schema=../schemas/policy.schema.json\n" +
                $"id: {id}\ntitle: \"TODO: the title\"\njurisdiction: {jurisdiction}\nkind: policy\nstatus: unknown\n" +
                "themes: [child-protection]\nsummary: |\n  TODO: what it sets out to do.\nsources:\n" + source, null),
            "indicator" => ($"indicators/{id}.yaml",
                "# yaml-language-server: $schema=../schemas/indicator.schema.json\n" +
                $"id: {id}\ntitle: \"TODO: the title\"\npublisher: \"TODO: who publishes it\"\nunit: cases\n" +
                "definition: |\n  TODO: what is counted and how.\nthemes: [child-protection]\nvalues:\n" +
                $"  - period: \"{today.Year}\"\n    area: pakistan\n    value: 0\n" +
                $"    note: \"TODO: the figure and where it was read\"\n" +
                "    sources:\n" + string.Concat(source.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => "    " + l + "\n")), null),
            _ => (null, null, $"kb new: unknown kind '{kind}'; one of: {string.Join(", ", Kinds)}"),
        };
    }

    /// <summary>
    /// An answer is added to its topic's file: a not-researched answer for the jurisdiction, if it has none.
    /// </summary>
    private static (string?, string?, string?) AnswerFor(string? topic, string jurisdiction, string contentDir)
    {
        if (topic is null || !Ids.IsValid(topic)) return (null, null, "'kb new answer' needs --topic, a topic id");
        var path = $"topics/{topic}.yaml";
        var full = Path.Combine(contentDir, path);
        if (!File.Exists(full)) return (null, null, $"no topic '{topic}' ({path} does not exist)");
        var text = File.ReadAllText(full);
        if (text.Contains($"- jurisdiction: {jurisdiction}\n", StringComparison.Ordinal))
            return (null, null, $"topic '{topic}' already answers '{jurisdiction}'; edit that answer in {path}");
        var answer = $"  - jurisdiction: {jurisdiction}\n    status: not-researched\n" +
            $"    research: \"TODO: the sources consulted\"\n";

        var lines = text.TrimEnd('\n').Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == "answers:");
        if (start < 0) return (path, string.Join('\n', lines) + "\nanswers:\n" + answer, null);
        // The answers block ends at the next top-level key (a line that starts at column 0 with a letter).
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && char.IsAsciiLetter(l[0]));
        if (end < 0) end = lines.Count;
        lines.Insert(end, answer.TrimEnd('\n'));
        return (path, string.Join('\n', lines) + "\n", null);
    }
}
