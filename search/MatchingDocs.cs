using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search;

/// <summary>Collects the number of every matching document, unscored, for facet counts.</summary>
internal sealed class MatchingDocs : ICollector
{
    private int _base;

    public List<int> Docs { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void Collect(int doc) => Docs.Add(_base + doc);

    public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;
}
