namespace KnowledgeBase.Generator.Model;

/// <summary>
/// One dated state of an answer: the value an instrument (Act, amendment, ordinance, judgment …)
/// gave it from a date, until a later date when one is known.
/// </summary>
public sealed record HistoryEntry(
    string Value,
    PartialDate From,
    PartialDate? Until,
    string Instrument,
    string Title,
    string? StatuteId,
    string? Section,
    IReadOnlyList<Source> Sources,
    string? Note,
    Spans Spans)
{
    public static readonly string[] Instruments =
        ["act", "amendment", "ordinance", "judgment", "rules", "notification", "constitution", "lapse"];

    /// <summary>Whether this state held at some time during <paramref name="year"/>'s end (31 December).</summary>
    public bool HeldAtEndOf(int year) =>
        From.First <= new DateOnly(year, 12, 31) && (Until is not { } u || u.First > new DateOnly(year, 12, 31));
}
