namespace KnowledgeBase.Generator.Model;

/// <summary>Everything loaded from content/, immutable, in a stable (ordinal id) order.</summary>
public sealed record KnowledgeBaseModel(
    SiteSettings Site,
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Statute> Statutes,
    IReadOnlyList<Institution> Institutions,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Term> Themes,
    IReadOnlyList<Term> MandateFunctions,
    IReadOnlyList<SynonymGroup> Synonyms)
{
    /// <summary>
    /// Work done once per text of this model and kept as long as the model (Render's Markdown
    /// renderings, keyed by the text object itself). It belongs to one build, so concurrent builds
    /// in one process share nothing.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<object, object> ProseMemo { get; } =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>The articles, from their kind (Kinds/Articles.cs), in id order.</summary>
    public IReadOnlyList<Article> Articles =>
        _articles ??= Kinds.GetValueOrDefault("articles")?.Cast<Article>().ToList() ?? [];

    private IReadOnlyList<Article>? _articles;

    /// <summary>The Urdu interface strings, glossary and titles (content/i18n/).</summary>
    public Translations Translations { get; init; } = Translations.None;

    /// <summary>True when the site is built in Urdu as well as English.</summary>
    public bool Bilingual => Site.Languages.Contains("ur");

    /// <summary>Archived data releases (content/releases/), oldest first.</summary>
    public IReadOnlyList<DataRelease> Releases { get; init; } = [];

    /// <summary>
    /// Records of the kinds that live in one place (generator/Kinds), by kind folder, each list in id order.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Kinds.KindRecord>> Kinds { get; init; } =
        new Dictionary<string, IReadOnlyList<Kinds.KindRecord>>(StringComparer.Ordinal);

    /// <summary>
    /// The day the content speaks for: site.yaml's as_of, or else the latest day any source was
    /// read. Derived from content, never from the clock, so the same content builds the same site.
    /// </summary>
    public DateOnly AsOf => _asOf ??= Site.AsOf ?? LatestReading();

    private DateOnly? _asOf;

    private DateOnly LatestReading()
    {
        var dates = Statutes.Select(s => s.CheckedOn)
            .Concat(Institutions.Select(i => i.CheckedOn))
            .Concat(Topics.SelectMany(t => t.Answers).SelectMany(a => a.Sources).Select(s => s.ReadOn))
            .Concat(Kinds.Values.SelectMany(list => list).SelectMany(r => r.AllSources).Select(s => s.ReadOn));
        return dates.DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
    }

    /// <summary>The jurisdictions whose answers are compared (every one but the Federation itself).</summary>
    public IReadOnlyList<Jurisdiction> Compared =>
        _compared ??= Jurisdictions.Where(j => j.Kind != "federation").ToList();

    private IReadOnlyList<Jurisdiction>? _compared;

    // Lookups by id are hashed: pages look records up thousands of times on a large corpus.
    private Dictionary<string, Jurisdiction>? _jurisdictions;
    private Dictionary<string, Statute>? _statutes;
    private Dictionary<string, Institution>? _institutions;
    private Dictionary<string, Topic>? _topics;
    private Dictionary<string, string>? _labels;

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(id(item), item); // first wins, as validation reports duplicates
        return map;
    }

    public Jurisdiction? Jurisdiction(string id) =>
        (_jurisdictions ??= ById(Jurisdictions, j => j.Id)).GetValueOrDefault(id);
    public Statute? Statute(string id) => (_statutes ??= ById(Statutes, s => s.Id)).GetValueOrDefault(id);
    public Institution? Institution(string id) =>
        (_institutions ??= ById(Institutions, s => s.Id)).GetValueOrDefault(id);
    public Topic? Topic(string id) => (_topics ??= ById(Topics, s => s.Id)).GetValueOrDefault(id);
    public string ThemeLabel(string id) => Labels().TryGetValue("t:" + id, out var l) ? l : id;
    public string FunctionLabel(string id) => Labels().TryGetValue("f:" + id, out var l) ? l : id;

    private Dictionary<string, string> Labels()
    {
        if (_labels is not null) return _labels;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in Themes) map.TryAdd("t:" + t.Id, t.Label);
        foreach (var f in MandateFunctions) map.TryAdd("f:" + f.Id, f.Label);
        return _labels = map;
    }
    public string JurisdictionName(string id) => Jurisdiction(id)?.Name ?? id;
}
