using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Serve;

/// <summary>
/// A search index shared by the requests in flight and the server: each request holds a lease
/// while it searches, and the index is disposed only when the server has retired it (after a
/// rebuild swapped in a new one) and the last request using it has finished.
/// </summary>
internal sealed class IndexLease(SearchIndex index)
{
    private int _references = 1; // the server's own, given up by Retire

    public SearchIndex Index { get; } = index;

    /// <summary>Takes a lease; false when the index is already retired and unused (disposed or about to be).</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var now = Volatile.Read(ref _references);
            if (now == 0) return false;
            if (Interlocked.CompareExchange(ref _references, now + 1, now) == now) return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Index.Dispose();
    }

    /// <summary>The server no longer hands this index to new requests.</summary>
    public void Retire() => Release();
}
