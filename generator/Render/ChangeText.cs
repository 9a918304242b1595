using KnowledgeBase.Generator.Model;

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
}
