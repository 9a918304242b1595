namespace KnowledgeBase.Generator.Model;

/// <summary>A document a person actually read, with what kind of document it is and when it was read.</summary>
public sealed record Source(string Url, string Kind, DateOnly ReadOn, string? Title, Spans Spans)
{
    /// <summary>
    /// Kinds that are the text of the law itself (or the court's own words), as opposed to reports about it.
    /// </summary>
    public bool IsLawText =>
        Kind is SourceKinds.OfficialText or SourceKinds.Gazette or SourceKinds.UnofficialCopy or SourceKinds.Judgment;
}

/// <summary>The kinds of source, strongest first; the verification of an answer is derived from them.</summary>
public static class SourceKinds
{
    public const string OfficialText = "official-text";
    public const string Gazette = "gazette";
    public const string UnofficialCopy = "unofficial-copy";
    public const string Judgment = "judgment";
    public const string GovernmentNotice = "government-notice";
    public const string Report = "report";
    public const string News = "news";

    public static readonly string[] All =
        [OfficialText, Gazette, UnofficialCopy, Judgment, GovernmentNotice, Report, News];

    /// <summary>How a reader is told what a claim rests on, by the strongest kind of source behind it.</summary>
    public static string ReadIn(string kind) => kind switch
    {
        OfficialText => "read in the official text on a government site",
        Gazette => "read in the official gazette",
        UnofficialCopy => "read in an unofficial copy of the statute's text",
        Judgment => "read in the court's judgment",
        GovernmentNotice => "stated in a government notice",
        Report => "stated in a commission or NGO report",
        _ => "stated in news reports",
    };

    public static string Label(string kind) => kind switch
    {
        OfficialText => "official text",
        Gazette => "gazette",
        UnofficialCopy => "unofficial copy of the text",
        Judgment => "judgment",
        GovernmentNotice => "government notice",
        Report => "report",
        _ => "news",
    };

    /// <summary>
    /// The strongest kind among the sources (the order of <see cref="All"/>), or null when there are none.
    /// </summary>
    public static string? Strongest(IEnumerable<Source> sources) =>
        sources.Select(s => s.Kind).OrderBy(k => Array.IndexOf(All, k)).FirstOrDefault();
}
