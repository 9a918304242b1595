using System.Globalization;
using KnowledgeBase.Generator.Model;
using Ev = KnowledgeBase.Generator.Analyse.Evidence;

namespace KnowledgeBase.Generator.Analyse;

/// <summary>
/// Stage 3, AnalyseRecords: a pure function from the knowledge base to the comparison matrix and
/// findings. Nothing here reads files or clocks; overlaps are found through hashed keys
/// (function, jurisdiction), never all pairs.
/// </summary>
public static class Analyser
{
    public static Analysis Analyse(KnowledgeBaseModel kb)
    {
        var compared = kb.Compared.Select(j => j.Id).ToList();
        var topics = new List<TopicAnalysis>();
        var findings = new List<Finding>();

        foreach (var topic in kb.Topics)
        {
            var answered = compared.Select(topic.AnswerFor).OfType<Answer>()
                .Where(a => a.IsAnswered && a.Value is not null).ToList();
            var spread = answered.GroupBy(a => Normalise(a.Value!))
                .Select(g => new Spread(g.Key, g.Select(a => a.JurisdictionId).ToList()))
                .OrderByDescending(s => s.Jurisdictions.Count).ThenBy(s => s.Value, StringComparer.Ordinal).ToList();
            string? majority = spread.Count switch
            {
                0 => null,
                1 => spread[0].Value,
                _ => spread[0].Jurisdictions.Count > spread[1].Jurisdictions.Count ? spread[0].Value : null,
            };

            var cells = new Dictionary<string, CellState>(StringComparer.Ordinal);
            foreach (var j in compared)
            {
                var a = topic.AnswerFor(j);
                cells[j] = a switch
                {
                    null => CellState.Missing,
                    { IsUnresearched: true } => CellState.NotResearched,
                    { IsGap: true } => CellState.Gap,
                    _ when IsBelowBenchmark(topic, a) => CellState.BelowBenchmark,
                    _ when MeetsBenchmark(topic, a) => CellState.MeetsBenchmark,
                    _ => CellState.Answered,
                };
            }
            topics.Add(new TopicAnalysis(topic, spread, majority, cells));

            var legislating = answered.Where(a => !(topic.AnswerType == "yes-no" && Normalise(a.Value!) == "no"))
                .ToList();
            foreach (var j in compared)
            {
                var a = topic.AnswerFor(j);
                if (a is null) continue;
                if (a.IsGap && legislating.Count > 0)
                {
                    findings.Add(new Finding($"gap-{topic.Id}-{j}", FindingKinds.Gap, topic.Id, topic.Theme, [j],
                        [Evidence(topic, j), .. legislating.Select(x => Evidence(topic, x.JurisdictionId))],
                        Pointers(topic, legislating)));
                }
                if (a.IsAnswered && IsBelowBenchmark(topic, a))
                {
                    var meeting = answered.Where(x => x.JurisdictionId != j && !IsBelowBenchmark(topic, x)).ToList();
                    findings.Add(new Finding($"below-benchmark-{topic.Id}-{j}", FindingKinds.BelowBenchmark, topic.Id,
                        topic.Theme, [j],
                        [Evidence(topic, j), .. meeting.Select(x => Evidence(topic, x.JurisdictionId))],
                        Pointers(topic, meeting)));
                }
            }

            if (spread.Count > 1)
            {
                var deviating = majority is null
                    ? answered.Select(a => a.JurisdictionId).ToList()
                    : answered.Where(a => Normalise(a.Value!) != majority).Select(a => a.JurisdictionId).ToList();
                findings.Add(new Finding($"non-uniformity-{topic.Id}", FindingKinds.NonUniformity, topic.Id,
                    topic.Theme,
                    deviating.OrderBy(kb.Order).ToList(),
                    answered.Select(a => Evidence(topic, a.JurisdictionId)).ToList(), []));
            }
        }

        findings.AddRange(Overlaps(kb));

        var inForce = kb.Statutes.Where(s => s.Status is StatuteStatus.InForce or StatuteStatus.Amended).ToList();
        foreach (var s in inForce.Where(s => s.RulesNotified == RulesState.No))
            findings.Add(new Finding($"missing-rules-{s.Id}", FindingKinds.MissingRules, null,
                s.Themes.FirstOrDefault() ?? "", s.AppliesTo,
                [Ev.Statute(s.Id)], []));
        foreach (var i in kb.Institutions.Where(i => i.Status == InstitutionStatus.NotConstituted))
            findings.Add(new Finding($"not-constituted-{i.Id}", FindingKinds.NotConstituted, null, "child-protection",
                i.Reach,
                [Ev.Institution(i.Id)], []));

        var allAnswers = kb.Topics.SelectMany(t => t.Answers.Where(a => compared.Contains(a.JurisdictionId))).ToList();
        var byJurisdiction = compared.ToDictionary(j => j,
            j => CoverageCount.Of(allAnswers.Where(a => a.JurisdictionId == j)), StringComparer.Ordinal);
        var byTopic = kb.Topics.ToDictionary(t => t.Id,
            t => CoverageCount.Of(t.Answers.Where(a => compared.Contains(a.JurisdictionId))), StringComparer.Ordinal);

        var ordered = findings
            .OrderBy(f => Array.IndexOf(FindingKinds.All, f.Kind))
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return new Analysis(topics, ordered, byJurisdiction, byTopic, CoverageCount.Of(allAnswers))
        {
            RulesMissing = new(inForce.Count(s => s.RulesNotified == RulesState.No),
                inForce.Count(s => s.RulesNotified == RulesState.Unknown)),
            BodiesNotConstituted = new(kb.Institutions.Count(i => i.Status == InstitutionStatus.NotConstituted),
                kb.Institutions.Count(i => i.Status == InstitutionStatus.Unknown)),
        };
    }

    /// <summary>The id of the finding that a function's mandate overlaps in a jurisdiction.</summary>
    public static string OverlapId(string function, string jurisdiction) => $"overlap-{function}-{jurisdiction}";

    /// <summary>How many bodies an overlap finding names in its summary.</summary>
    public const int MaxNamed = 8;

    private static IEnumerable<Finding> Overlaps(KnowledgeBaseModel kb)
    {
        var byKey = new SortedDictionary<string, List<Institution>>(StringComparer.Ordinal);
        foreach (var i in kb.Institutions.Where(i => i.Status != InstitutionStatus.Abolished))
        foreach (var function in i.Mandates.Select(m => m.Function).Distinct())
        foreach (var j in i.Reach.Distinct())
        {
            var key = function + "|" + j;
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(i);
        }
        foreach (var (key, all) in byKey)
        {
            // A unit or helpline run by another body in the group is that body's arm, not a rival mandate holder.
            var bodies = all.Where(b => !IsArmOf(b, all)).ToList();
            if (bodies.Count < 2) continue;
            var (function, j) = (key.Split('|')[0], key.Split('|')[1]);
            yield return new Finding(OverlapId(function, j), FindingKinds.Overlap, null, "child-protection", [j],
                bodies.Select(b => Ev.Institution(b.Id)).ToList(), []) { Function = function };
        }
    }

    private static bool IsArmOf(Institution body, IReadOnlyList<Institution> group) =>
        body.Kind is "unit" or "helpline" && body.Parent is { } parent
        && group.Any(other => other != body && (parent.Contains(other.Name, StringComparison.OrdinalIgnoreCase)
                                                 || (other.Acronym is { Length: > 2 } a
                                                     && parent.Contains(a, StringComparison.Ordinal))));

    public static bool IsBelowBenchmark(Topic topic, Answer answer)
    {
        if (topic.Benchmark is null || !answer.IsAnswered || answer.Value is null) return false;
        var value = Normalise(answer.Value);
        var bench = Normalise(topic.Benchmark.Value);
        switch (topic.Direction)
        {
            case "yes-is-stronger":
                return value == "no" && bench == "yes";
            case "higher-is-stronger" or "lower-is-stronger":
                if (!TryNumber(value, out var v) || !TryNumber(bench, out var b)) return false;
                return topic.Direction == "higher-is-stronger" ? v < b : v > b;
            default:
                return false;
        }
    }

    /// <summary>A value with a benchmark to compare against that it reaches.</summary>
    public static bool MeetsBenchmark(Topic topic, Answer answer)
    {
        if (topic.Benchmark is null || !answer.IsAnswered || answer.Value is null || IsBelowBenchmark(topic, answer))
            return false;
        var value = Normalise(answer.Value);
        var bench = Normalise(topic.Benchmark.Value);
        return topic.Direction switch
        {
            "yes-is-stronger" => value == "yes" && bench == "yes",
            "higher-is-stronger" or "lower-is-stronger" => TryNumber(value, out _) && TryNumber(bench, out _),
            _ => false,
        };
    }

    internal static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static string Normalise(string value) => value.Trim().ToLowerInvariant();

    private static IReadOnlyList<ReformPointer> Pointers(Topic topic, IEnumerable<Answer> answers) =>
        answers.Where(a => a.StatuteId is not null && a.Section is not null && a.Value is not null)
            .Select(a => new ReformPointer(a.JurisdictionId, a.Value!, a.StatuteId!, a.Section!)).ToList();

    public static Evidence Evidence(Topic topic, string jurisdiction) => Ev.Answer(topic.Id, jurisdiction);

    internal static int Order(this KnowledgeBaseModel kb, string id) => kb.Jurisdiction(id)?.Order ?? 99;
}
