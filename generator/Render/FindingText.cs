using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>What a finding says, in words: its kind's heading and its one-sentence summary.</summary>
internal static class FindingText
{
    public static string Label(string kind) => kind switch
    {
        FindingKinds.Gap => "Gaps in the law",
        FindingKinds.NonUniformity => "Non-uniform answers",
        FindingKinds.BelowBenchmark => "Below the international benchmark",
        FindingKinds.Overlap => "Overlapping mandates",
        FindingKinds.MissingRules => "Statutes without notified rules",
        FindingKinds.NotConstituted => "Bodies established by law but not constituted",
        _ => kind,
    };

    /// <summary>The finding in one sentence, from the records its evidence names.</summary>
    public static string Summary(KnowledgeBaseModel kb, Analysis analysis, Finding f)
    {
        var topic = f.TopicId is null ? null : kb.Topic(f.TopicId);
        switch (f.Kind)
        {
            case FindingKinds.Gap:
            {
                // The evidence is the gap's own answer, then the answers of the jurisdictions that legislate.
                var legislating = f.Evidence.Skip(1).Select(e => e.Jurisdiction!).ToList();
                return $"{kb.JurisdictionName(f.Jurisdictions[0])} has no provision on “{topic!.Title}”, which " +
                       $"{Names(kb, legislating)} {(legislating.Count == 1 ? "legislates" : "legislate")} on.";
            }
            case FindingKinds.BelowBenchmark:
            {
                var j = f.Jurisdictions[0];
                var value = topic!.AnswerFor(j)!.Value!;
                return $"{kb.JurisdictionName(j)}: {ValueDisplay.Display(topic, value)} against the benchmark of " +
                       $"{ValueDisplay.Display(topic, topic.Benchmark!.Value)} ({topic.Benchmark.Instrument}).";
            }
            case FindingKinds.NonUniformity:
            {
                var ta = analysis.For(topic!.Id);
                var text = string.Join("; ", ta.Spread.Select(s =>
                    $"{ValueDisplay.Display(topic, s.Value)} in {Names(kb, s.Jurisdictions)}"));
                return $"“{topic.Title}” differs across jurisdictions: {text}." +
                    (ta.MajorityValue is null ? " No majority position." : "");
            }
            case FindingKinds.MissingRules:
                return $"{kb.Statute(f.Evidence[0].Id)!.Title} is in force but its rules have not been notified.";
            case FindingKinds.NotConstituted:
                return $"{kb.Institution(f.Evidence[0].Id)!.Name} is established by law but has not been constituted.";
            default:
                return Overlap(kb, f);
        }
    }

    private static string Overlap(KnowledgeBaseModel kb, Finding f)
    {
        var j = f.Jurisdictions[0];
        var bodies = f.Evidence.Select(e => kb.Institution(e.Id)!).ToList();
        var acronyms = bodies.Where(b => b.Acronym is not null)
            .GroupBy(b => b.Acronym)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet();
        // Named in full up to a handful; beyond that the summary counts and the evidence lists them all,
        // so a body's page stays the same size however many bodies share its mandate.
        var shown = bodies.Take(Analyser.MaxNamed)
            .Select(b => b.Acronym is not null && !acronyms.Contains(b.Acronym) ? b.Acronym : b.Name);
        var names = string.Join(", ", shown) +
            (bodies.Count > Analyser.MaxNamed ? $" and {bodies.Count - Analyser.MaxNamed} more" : "");
        var scope = bodies.Any(b => b.JurisdictionId != j) && bodies.Any(b => b.JurisdictionId == j)
            ? "federal and provincial bodies" : "bodies";
        return $"In {kb.JurisdictionName(j)}, {bodies.Count} {scope} hold the mandate " +
            $"“{kb.FunctionLabel(f.Function!)}”: {names}.";

    }

    private static string Names(KnowledgeBaseModel kb, IEnumerable<string> ids) =>
        string.Join(", ", ids.OrderBy(kb.Order).Select(kb.JurisdictionName));
}
