namespace KnowledgeBase.Generator.Model;

public sealed record Section(string Number, string Heading, string Summary, Spans Spans)
{
    /// <summary>The fragment id of the section on its statute page: "s-377a", "s-2-a".</summary>
    public string Anchor => SectionAnchor.For(Number);
}

public static class SectionAnchor
{
    /// <summary>
    /// "25-A" and "25A" are the same section as printed two ways, so both give "s-25a"; "2(1)(d)" gives "s-2-1-d".
    /// </summary>
    public static string For(string number)
    {
        var joined = number.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        var chars = joined.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', new string(chars.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return "s-" + slug;
    }
}

public sealed record Statute(
    string Id,
    string JurisdictionId,
    string Title,
    string? ShortTitle,
    int Year,
    string? ActNumber,
    StatuteStatus Status,
    IReadOnlyList<string> AppliesTo,
    IReadOnlyList<string> Themes,
    RulesState RulesNotified,
    string? RulesNote,
    PartialDate? RulesNotifiedOn,
    DateOnly? RulesAsOf,
    IReadOnlyList<Source> RulesSources,
    Ordinance? Ordinance,
    IReadOnlyList<string> Amends,
    IReadOnlyList<string> Repeals,
    string SourceUrl,
    DateOnly CheckedOn,
    Verification Verification,
    string Summary,
    string? Notes,
    IReadOnlyList<Section> Sections,
    Spans Spans)
{
    /// <summary>How the record was researched: the sources consulted and what each said (shown collapsed).</summary>
    public string? Research { get; init; }

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>An ordinance past its constitutional life with nothing recorded to replace, extend or end it.</summary>
    public bool MayHaveLapsed(DateOnly asOf) =>
        Ordinance?.MayHaveLapsed(asOf, JurisdictionId is "federal" or "ict") == true;

    public Section? FindSection(string number) =>
        Sections.FirstOrDefault(s => s.Anchor == SectionAnchor.For(number));
}
