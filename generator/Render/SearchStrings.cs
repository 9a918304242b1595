namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Every string search.js writes through its t() function. The Urdu search page gives their Urdu in
/// data-strings; a test checks this list against the script, so none is left in English.
/// </summary>
internal static class SearchStrings
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Loading the search index…",
        "Type a question, a law, a section such as s.377A, or a place.",
        "(synonym)",
        "Matches {0} further in the text.",
        "Remove filter {0}",
        "Showing results for “{0}”.",
        "{0} result",
        "{0} results",
        "{0} result on {1} pages",
        "{0} results on {1} pages",
        "for “{0}”.",
        "Also on this page:",
        "and {0} more",
        "Show {0} more ({1} not shown)",
        "Any",
        "Kind",
        "Jurisdiction",
        "Theme",
        "Verification",
        "Status",
        "The search index could not be loaded ({0}). Use the comparison matrix or the indexes instead.",
    ];
}
