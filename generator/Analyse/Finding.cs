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
}

/// <summary>What a piece of evidence is: a topic's answer for a jurisdiction, a statute or a body.</summary>
public enum EvidenceKind { Answer, Statute, Institution }

/// <summary>
/// A record a finding rests on, typed: <see cref="Id"/> is the topic, statute or body id, and
/// <see cref="Jurisdiction"/> the answer's jurisdiction. Written in the data downloads as
/// "answer:topic/jurisdiction", "statute:id" or "institution:id" (<see cref="ToString"/>).
/// </summary>
public readonly record struct Evidence(EvidenceKind Kind, string Id, string? Jurisdiction = null)
{
    public static Evidence Answer(string topicId, string jurisdictionId) =>
        new(EvidenceKind.Answer, topicId, jurisdictionId);
    public static Evidence Statute(string id) => new(EvidenceKind.Statute, id);
    public static Evidence Institution(string id) => new(EvidenceKind.Institution, id);

    public override string ToString() => Kind switch
    {
        EvidenceKind.Answer => $"answer:{Id}/{Jurisdiction}",
        EvidenceKind.Statute => $"statute:{Id}",
        _ => $"institution:{Id}",
    };
}

/// <summary>A provision elsewhere that a drafter can compare against.</summary>
public sealed record ReformPointer(string JurisdictionId, string Value, string StatuteId, string Section);

/// <summary>
/// One finding, with the ids of the records that are its evidence. What it says in words is
/// written by Render (FindingText), from these facts and the records they name.
/// </summary>
public sealed record Finding(
    string Id,
    string Kind,
    string? TopicId,
    string Theme,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<ReformPointer> Pointers)
{
    /// <summary>For an overlap, the mandate function the bodies share.</summary>
    public string? Function { get; init; }
}
