namespace KnowledgeBase.Generator.Analyse;

public static class FindingKinds
{
    public const string Gap = "gap";
    public const string NonUniformity = "non-uniformity";
    public const string BelowBenchmark = "below-benchmark";
    public const string Overlap = "overlap";
    public const string MissingRules = "missing-rules";
    public const string NotConstituted = "not-constituted";

    public static readonly string[] All = [Gap, NonUniformity, BelowBenchmark, Overlap, MissingRules, NotConstituted];

    public static string Label(string kind) => kind switch
    {
        Gap => "Gaps in the law",
        NonUniformity => "Non-uniform answers",
        BelowBenchmark => "Below the international benchmark",
        Overlap => "Overlapping mandates",
        MissingRules => "Statutes without notified rules",
        NotConstituted => "Bodies established by law but not constituted",
        _ => kind,
    };
}

/// <summary>A provision elsewhere that a drafter can compare against.</summary>
public sealed record ReformPointer(string JurisdictionId, string Value, string StatuteId, string Section);

/// <summary>One finding, with the ids of the records that are its evidence.</summary>
public sealed record Finding(
    string Id,
    string Kind,
    string? TopicId,
    string Theme,
    IReadOnlyList<string> Jurisdictions,
    string Summary,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<ReformPointer> Pointers);
