namespace KnowledgeBase.Generator.Model;

/// <summary>One of the competing readings of a disputed answer, with the sources that support it.</summary>
public sealed record Reading(
    string Value, string? StatuteId, string? Section, IReadOnlyList<Source> Sources, string? Note, Spans Spans);
