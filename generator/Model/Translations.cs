namespace KnowledgeBase.Generator.Model;

/// <summary>The languages the site is written in. English is the root; Urdu lives under /ur/.</summary>
public enum Lang { En, Ur }

/// <summary>
/// One interface string: the English the code writes and its Urdu, and whether an editor has reviewed it.
/// </summary>
public sealed record UiString(string En, string Ur, bool Reviewed, Spans Spans);

/// <summary>One legal term of the glossary, with the sources its Urdu was read in.</summary>
public sealed record GlossaryTerm(
    string En, string Ur, IReadOnlyList<Source> Sources, string? Note, bool Reviewed, Spans Spans);

/// <summary>
/// The Urdu title of a statute or name of a body: official when read in an official text, gazette
/// or a government site's Urdu version; otherwise a rendering the site marks as unofficial.
/// </summary>
public sealed record UrduTitle(
    string Id, string Title, bool Official, IReadOnlyList<Source> Sources, string? Note, bool Reviewed, Spans Spans);

/// <summary>Everything content/i18n/ holds for the Urdu interface.</summary>
public sealed record Translations(
    IReadOnlyList<UiString> Strings,
    IReadOnlyList<GlossaryTerm> Glossary,
    IReadOnlyList<UrduTitle> StatuteTitles,
    IReadOnlyList<UrduTitle> BodyNames)
{
    public static Translations None { get; } = new([], [], [], []);

    private Dictionary<string, UiString>? _strings;
    private Dictionary<string, UrduTitle>? _titles;

    /// <summary>The Urdu of an interface string, or null when the catalogue has none.</summary>
    public UiString? Ui(string english) =>
        (_strings ??= ById(Strings, s => s.En)).GetValueOrDefault(english);

    /// <summary>The Urdu title of a statute or name of a body, by record id.</summary>
    public UrduTitle? Title(string id) =>
        (_titles ??= ById(StatuteTitles.Concat(BodyNames), t => t.Id)).GetValueOrDefault(id);

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(key(item), item); // first wins; the checks report duplicates
        return map;
    }
}
