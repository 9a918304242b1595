using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>A page to render: its URL and how to render it.</summary>
internal readonly record struct PageJob(string Url, Func<byte[]> Render);

/// <summary>A download under data/ that a kind owns: its documented columns and its rows.</summary>
internal sealed record KindExport(
    DataFile File, Func<KnowledgeBaseModel, Analysis, IEnumerable<IReadOnlyList<string?>>> Rows);

/// <summary>
/// Every record kind as the stages see it: how its records are checked, indexed, rendered and
/// exported. The stages loop over <see cref="RecordKinds.Every"/>. The four kinds the comparison is
/// built on (jurisdictions, statutes, bodies, topics) have typed lists in the model and their own
/// classes here; the others derive from <see cref="RecordKind"/>, which supplies the plumbing.
/// </summary>
internal abstract class Kind
{
    /// <summary>Singular, lower case: the search kind and the word in diagnostics ("statute").</summary>
    public abstract string Name { get; }

    /// <summary>The content folder and the URL segment ("statutes").</summary>
    public abstract string Folder { get; }

    /// <summary>The index page's title and the navigation label ("Statutes").</summary>
    public abstract string Plural { get; }

    public string IndexUrl => Folder + "/";

    /// <summary>The ids of this kind's records, in model order (counts, and whether a rebuild must be full).</summary>
    public abstract IEnumerable<string> Ids(KnowledgeBaseModel kb);

    /// <summary>
    /// Every check on this kind's records that needs other records: ids unique, references resolve, dates past.
    /// </summary>
    internal abstract void ValidateAll(KnowledgeBaseModel kb, Checks check);

    /// <summary>
    /// One search-document job per record; jobs run in parallel and their documents join in job order.
    /// </summary>
    public abstract IEnumerable<Func<IEnumerable<SearchDocument>>> Documents(KnowledgeBaseModel kb);

    /// <summary>The kind's pages: its index and one page per record.</summary>
    public abstract IEnumerable<PageJob> Pages(RecordPages pages);

    /// <summary>The kind's downloads under data/.</summary>
    public abstract IReadOnlyList<KindExport> Exports { get; }

    /// <summary>One search-document job per record, from a method that adds a record's documents to a list.</summary>
    protected static IEnumerable<Func<IEnumerable<SearchDocument>>> PerRecord<T>(IEnumerable<T> records,
        Action<T, List<SearchDocument>> map) =>
        records.Select(r => (Func<IEnumerable<SearchDocument>>)(() =>
        {
            var docs = new List<SearchDocument>();
            map(r, docs);
            return docs;
        }));
}
