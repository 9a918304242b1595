using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Serve;
using KnowledgeBase.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Serve;

public sealed class IndexLeaseTests
{
    private static SearchIndex Index()
    {
        using var content = new TempContent();
        return Pipeline.IndexRecords(Pipeline.Check(content.Content, Checks.Today).Model);
    }

    [Fact]
    public void Should_keep_a_retired_index_open_until_the_last_search_on_it_ends()
    {
        // Given a search in flight holding a lease
        var lease = new IndexLease(Index());
        Assert.True(lease.TryAcquire());
        // When a rebuild retires the index
        lease.Retire();
        // Then the search still runs on it, no new lease is handed out once it is released, and it is disposed
        Assert.NotEmpty(lease.Index.Search(new SearchRequest("marriage", null, 5)).Hits);
        lease.Release();
        Assert.False(lease.TryAcquire());
        Assert.Throws<ObjectDisposedException>(() => lease.Index.Search(new SearchRequest("marriage", null, 5)));
    }

    [Fact]
    public void Should_hand_out_leases_from_many_threads_and_dispose_once()
    {
        var lease = new IndexLease(Index());
        Parallel.For(0, 200, _ =>
        {
            if (!lease.TryAcquire()) return;
            try { lease.Index.Search(new SearchRequest("child", null, 3)); }
            finally { lease.Release(); }
        });
        lease.Retire();
        Assert.False(lease.TryAcquire());
    }
}
