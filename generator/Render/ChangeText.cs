using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// What the history pages, record pages and feeds share: which record a changed content file holds,
/// and a change line in words, with the jurisdiction's name ("Punjab: 16 → 18" for "punjab: 16 → 18").
/// </summary>
internal static class ChangeText
{
    public sealed record Record(string Url, string Title, Func<string, bool> Concerns);

    /// <summary>The record each content file holds, by its path relative to the content folder.</summary>
    public static Dictionary<string, Record> Records(KnowledgeBaseModel kb, History.GitHistory history)
    {
        var records = new Dictionary<string, Record>(StringComparer.Ordinal);
        foreach (var x in kb.Statutes)
            records[history.RelativeFile(x.Spans)] = new(SiteUrls.Statute(x.Id), x.Title,
                j => x.JurisdictionId == j || x.AppliesTo.Contains(j));
        foreach (var x in kb.Institutions)
            records[history.RelativeFile(x.Spans)] = new(SiteUrls.Institution(x.Id), x.Name,
                j => x.JurisdictionId == j || x.Reach.Contains(j));
        foreach (var x in kb.Topics)
            records[history.RelativeFile(x.Spans)] = new(SiteUrls.Topic(x.Id), x.Title, _ => true);
        // Every record of the kinds in Kinds/: a jurisdiction's feed carries those that concern it (its own, or one
        // it names).
        foreach (var kind in Kinds.RecordKinds.All)
        foreach (var x in kind.In(kb))
        {
            var places = kind.Targets(kb, x)
                .Where(t => t.Kind == Kinds.TargetKind.Jurisdiction)
                .Select(t => t.Id)
                .Append(x.JurisdictionId)
                .ToHashSet();
            records[history.RelativeFile(x.Spans)] = new(kind.Url(x.Id), x.Title,
                j => x.JurisdictionId is null && places.Count == 1 || places.Contains(j));

        }
        return records;
    }

    public static string Describe(KnowledgeBaseModel kb, string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && kb.Jurisdiction(line[..colon]) is { } j ? j.Name + line[colon..] : line;
    }

    /// <summary>
    /// A change line as a page shows it, reading as <see cref="Describe"/> does. An answer's line is the
    /// jurisdiction's name and each change on its own ("16 → 18", "source added"), so that each is put into
    /// the page's language by itself; any other line is one change. A section number or a mandate's id
    /// after a change's words is the record's own, and kept as it is.
    /// </summary>
    public static object Line(KnowledgeBaseModel kb, string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || kb.Jurisdiction(line[..colon]) is not { } j
            || !line.AsSpan(colon).StartsWith(": ", StringComparison.Ordinal)) return Change(Describe(kb, line));
        return new[] { j.Name, ": ", RecordPages.Join(line[(colon + 2)..].Split(", ").Select(Change)) };
    }

    // The words History.GitHistory writes before a section number, a list of them, or a mandate's id.
    private static readonly string[] Leads =
    [
        "now cites s. ", "section added: s. ", "sections added: ss. ", "section removed: s. ",
        "sections removed: ss. ", "mandate added: ", "mandate removed: ",
    ];

    private static object Change(string text)
    {
        var lead = Leads.FirstOrDefault(l => text.Length > l.Length && text.StartsWith(l, StringComparison.Ordinal));
        return lead is null ? text : new object[] { lead, C(text[lead.Length..]) };
    }
}
