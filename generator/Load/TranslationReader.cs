using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Load;

/// <summary>
/// Reads content/i18n/: the Urdu interface strings (ur/*.yaml, one file per part of the site), the
/// glossary of legal terms (glossary.yaml) and the Urdu titles of statutes and names of bodies
/// (titles.yaml).
/// </summary>
internal static class TranslationReader
{
    public const string Folder = "i18n";

    public static Translations Load(string root, DiagnosticBag bag)
    {
        var dir = Path.Combine(root, Folder);
        if (!Directory.Exists(dir)) return Translations.None;
        var strings = new List<UiString>();
        var ur = Path.Combine(dir, "ur");
        if (Directory.Exists(ur))
            foreach (var file in Directory.EnumerateFiles(ur, "*.yaml").Order(StringComparer.Ordinal))
                strings.AddRange(Read(ur, Path.GetFileName(file), bag, "interface string list", r =>
                {
                    // What the file's legal terms rest on (the glossary's sources) and a word on its status.
                    ContentLoader.ReadSources(r, "sources", required: true);
                    r.String("note", required: false, maxLength: 2_000);
                    return Items(r, "strings", "interface string", ReadString);
                }) ?? []);
        // One entry per English string: two would leave which Urdu is shown to file order.
        foreach (var twice in strings.GroupBy(x => x.En, StringComparer.Ordinal).Where(g => g.Count() > 1))
            bag.Error(Codes.DuplicateId, twice.Skip(1).First().Spans.Record,
                $"interface string \"{twice.Key}\" has an entry already, at {twice.First().Spans.Record}",
                "keep one entry for it");
        var glossary = Read(dir, "glossary.yaml", bag, "glossary",
            r => Items(r, "terms", "glossary term", ReadTerm)) ?? [];
        var titles = Read(dir, "titles.yaml", bag, "Urdu title list", r => new TitleLists(
            Items(r, "statutes", "statute title", ReadTitle), Items(r, "bodies", "body name", ReadTitle)));
        return new Translations(strings, glossary, titles?.Statutes ?? [], titles?.Bodies ?? []);
    }

    private sealed record TitleLists(IReadOnlyList<UrduTitle> Statutes, IReadOnlyList<UrduTitle> Bodies);

    private static T? Read<T>(string dir, string name, DiagnosticBag bag, string what, Func<MappingReader, T?> read)
        where T : class
    {
        var file = Path.Combine(dir, name);
        if (!File.Exists(file)) return null;
        var text = ContentFile.Read(file, bag);
        return text is null ? null : ContentLoader.ReadText(ContentLoader.DisplayPath(file), text, bag, what, read);
    }

    private static IReadOnlyList<T> Items<T>(MappingReader r, string key, string what, Func<MappingReader, T?> read)
        where T : class =>
        r.MappingList(key, what).Select(item =>
        {
            var value = read(item);
            item.Finish();
            return value;
        }).OfType<T>().ToList();

    private static bool Reviewed(MappingReader r) => r.OneOf("reviewed", ["true", "false"]) == "true";

    private static UiString? ReadString(MappingReader r)
    {
        var en = r.String("en", maxLength: 1_000);
        var ur = r.String("ur", maxLength: 2_000);
        var reviewed = Reviewed(r);
        return en is null || ur is null ? null : new UiString(en, ur, reviewed, r.Spans());
    }

    private static GlossaryTerm? ReadTerm(MappingReader r)
    {
        var en = r.String("en", maxLength: 200);
        var ur = r.String("ur", maxLength: 200);
        var sources = ContentLoader.ReadSources(r, "sources", required: true);
        var note = r.String("note", required: false, maxLength: 2_000);
        var reviewed = Reviewed(r);
        return en is null || ur is null ? null : new GlossaryTerm(en, ur, sources, note, reviewed, r.Spans());
    }

    private static UrduTitle? ReadTitle(MappingReader r)
    {
        var id = r.Id();
        var title = r.String("ur", maxLength: 300);
        var official = r.OneOf("official", ["true", "false"]) == "true";
        var sources = ContentLoader.ReadSources(r, "sources", required: true);
        var note = r.String("note", required: false, maxLength: 2_000);
        var reviewed = Reviewed(r);
        return id is null || title is null
            ? null
            : new UrduTitle(id, title, official, sources, note, reviewed, r.Spans());
    }
}
