using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Analyse;

/// <summary>The years the comparison matrix can be read as of (Render's AsOfCells reads each cell).</summary>
public static class AsOf
{
    /// <summary>The years in which some answer changed: the matrix can be viewed as of each.</summary>
    public static IReadOnlyList<int> Years(KnowledgeBaseModel kb) =>
        kb.Topics.SelectMany(t => t.Answers).SelectMany(a => a.History)
            .SelectMany(h => h.Until is { } u ? new[] { h.From.Year, u.Year } : [h.From.Year])
            .Where(y => y < kb.AsOf.Year)
            .Distinct().Order().ToList();
}
