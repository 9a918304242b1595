using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Analyse;

/// <summary>
/// How one cell of the comparison matrix reads, by what a reader needs first: against the
/// international benchmark where there is one, otherwise simply answered; a gap in the law; a gap
/// in our data. Whether the answers differ across jurisdictions is a mark on the row
/// (<see cref="TopicAnalysis.NonUniform"/>), never a cell's reading: a province that meets the
/// benchmark alone is not "wrong" for being in the minority.
/// </summary>
public enum CellState
{
    MeetsBenchmark,
    BelowBenchmark,
    Answered,
    Gap,
    NotResearched,
    Missing,
}

public sealed record Spread(string Value, IReadOnlyList<string> Jurisdictions);

public sealed record TopicAnalysis(
    Topic Topic,
    IReadOnlyList<Spread> Spread,
    string? MajorityValue,
    IReadOnlyDictionary<string, CellState> Cells)
{
    /// <summary>The jurisdictions with a value do not all give the same one.</summary>
    public bool NonUniform => Spread.Count > 1;
}

public sealed record CoverageCount(
    int Answered, int Reported, int Disputed, int NoProvision, int NotResearched, int Primary, int Secondary,
    int Unverified)
{
    public int Total => Answered + Reported + Disputed + NoProvision + NotResearched;

    public static CoverageCount Of(IEnumerable<Answer> answers)
    {
        var list = answers.ToList();
        return new CoverageCount(
            list.Count(a => a.Status == AnswerStatus.Answered), list.Count(a => a.IsReported),
            list.Count(a => a.IsDisputed),
            list.Count(a => a.IsGap), list.Count(a => a.IsUnresearched),
            list.Count(a => !a.IsUnresearched && a.Verification == Verification.Primary),
            list.Count(a => !a.IsUnresearched && a.Verification == Verification.Secondary),
            list.Count(a => !a.IsUnresearched && a.Verification == Verification.Unverified));
    }

    /// <summary>
    /// "120 answered in the law's text, 20 reported, 2 disputed, 12 no provision found, 3 not yet researched".
    /// </summary>
    public string Describe() =>
        $"{Answered} read in the law's text, {Reported} reported, {Disputed} disputed, " +
        $"{NoProvision} no provision found, {NotResearched} not yet researched";
}

/// <summary>A count that has unknowns says so beside it: "3 without notified rules, 21 unknown".</summary>
public sealed record KnownCount(int Count, int Unknown);

public sealed record Analysis(
    IReadOnlyList<TopicAnalysis> Topics,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, CoverageCount> CoverageByJurisdiction,
    IReadOnlyDictionary<string, CoverageCount> CoverageByTopic,
    CoverageCount Coverage)
{
    /// <summary>
    /// Statutes in force whose rules are not notified, beside those whose rules status nobody has established.
    /// </summary>
    public KnownCount RulesMissing { get; init; } = new(0, 0);

    /// <summary>Bodies established by law but not constituted, beside those whose status is unknown.</summary>
    public KnownCount BodiesNotConstituted { get; init; } = new(0, 0);

    private Dictionary<string, TopicAnalysis>? _byTopic;
    private ILookup<string, Finding>? _findingsByTopic;
    private ILookup<string, Finding>? _overlapsByInstitution;

    public TopicAnalysis For(string topicId) =>
        (_byTopic ??= Topics.ToDictionary(t => t.Topic.Id, StringComparer.Ordinal))[topicId];

    /// <summary>The findings about one topic, in report order.</summary>
    public IEnumerable<Finding> FindingsFor(string topicId) =>
        (_findingsByTopic ??= Findings.Where(f => f.TopicId is not null)
            .ToLookup(f => f.TopicId!, StringComparer.Ordinal))[topicId];

    /// <summary>The overlap findings that name a body, in report order.</summary>
    public IEnumerable<Finding> OverlapsOf(string institutionId) =>
        (_overlapsByInstitution ??= Findings.Where(f => f.Kind == FindingKinds.Overlap)
            .SelectMany(f => f.Evidence.Where(e => e.Kind == EvidenceKind.Institution).Select(e => (e.Id, f)))
            .ToLookup(x => x.Id, x => x.f, StringComparer.Ordinal))[institutionId];

    /// <summary>Whether a body's mandate for a function overlaps another body's somewhere.</summary>
    public bool Overlaps(string institutionId, string function) =>
        OverlapsOf(institutionId).Any(f => f.Id == Analyser.OverlapId(function, f.Jurisdictions[0]));
}
