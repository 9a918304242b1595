namespace KnowledgeBase.Generator.Model;

/// <summary>
/// What is known of an ordinance's life: promulgated by the executive, it lapses after a
/// constitutional term unless the assembly extends it or an Act replaces it.
/// </summary>
public sealed record Ordinance(
    DateOnly Promulgated, DateOnly? ExtendedUntil, string? ReplacedBy, DateOnly? LapsedOn, Spans Spans)
{
    /// <summary>
    /// The last day of its life as far as the record shows: the extension if one is recorded,
    /// otherwise the constitutional term from promulgation (Art. 89(2): 120 days for the
    /// Federation; Art. 128(2): 90 days for a province).
    /// </summary>
    public DateOnly Expires(bool federal) => ExtendedUntil ?? Promulgated.AddDays(federal ? 120 : 90);

    /// <summary>Past its recorded life with nothing recorded to replace it or say it lapsed.</summary>
    public bool MayHaveLapsed(DateOnly asOf, bool federal) =>
        ReplacedBy is null && LapsedOn is null && asOf > Expires(federal);
}
