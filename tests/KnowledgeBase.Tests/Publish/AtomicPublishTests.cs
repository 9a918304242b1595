using System.Diagnostics;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Publish;

/// <summary>
/// The output path holds the old site or the new one at every instant, whatever happens to the build.
/// </summary>
// The slow tier: equivalence, fuzz and kill tests. `--filter "Tier!=slow"` runs the fast tier alone.
[Trait("Tier", "slow")]
public sealed class AtomicPublishTests
{
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f),
                f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal);

    private static IEnumerable<string> Staging(string parent) =>
        Directory.EnumerateDirectories(parent, ".*")
            .Where(d => Path.GetFileName(d).Contains(".new-") || Path.GetFileName(d).Contains(".old-"));

    [Fact]
    public async Task Should_never_leave_the_output_path_without_a_site_while_builds_swap()
    {
        // Given a built site, and a reader polling its home page as fast as it can
        using var content = new TempContent();
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        var index = Path.Combine(content.Output, "index.html");
        var missing = 0;
        var polls = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!File.Exists(index)) missing++;
                polls++;
            }
        }, TestContext.Current.CancellationToken);
        // When the site is rebuilt ten times
        for (var i = 0; i < 10; i++)
            Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        await stop.CancelAsync();
        await reader;
        // Then the home page was there at every poll
        Assert.True(polls > 1000, $"only {polls} polls");
        Assert.Equal(0, missing);
        Assert.Empty(Staging(content.Root));
    }

    [Fact]
    public void Should_leave_a_complete_site_when_a_build_is_killed_at_any_moment()
    {
        // Given two versions of the content and the site each builds
        using var content = new TempContent();
        var a = content.Root + "/ref-a";
        var b = content.Root + "/ref-b";
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", a).ExitCode);
        var title = content.Read("statutes/punjab/punjab-test-act-2004.yaml");
        content.Write("statutes/punjab/punjab-test-act-2004.yaml",
            title.Replace("Test Children Act", "Test Children (Edited) Act"));
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", b).ExitCode);
        var sites = new[] { Snapshot(a), Snapshot(b) };
        Assert.NotEqual(sites[0], sites[1]);
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        var kb = KbProcess.Start(content.Root, "build", "--content", "content", "--output", "_site");
        kb.WaitForExit();
        var whole = clock.ElapsedMilliseconds;
        // When builds of alternating content are killed at random moments
        for (var i = 0; i < 8; i++)
        {
            content.Write("statutes/punjab/punjab-test-act-2004.yaml",
                i % 2 == 0 ? title : title.Replace("Test Children Act", "Test Children (Edited) Act"));
            using var build = KbProcess.Start(content.Root, "build", "--content", "content", "--output", "_site");
            Thread.Sleep(random.Next((int)Math.Max(1, whole)));
            try { build.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            build.WaitForExit();
            // Then the output is, byte for byte, one of the two complete sites
            var now = Snapshot(content.Output);
            Assert.True(now.OrderBy(x => x.Key).SequenceEqual(sites[0].OrderBy(x => x.Key))
                || now.OrderBy(x => x.Key).SequenceEqual(sites[1].OrderBy(x => x.Key)),
                $"kill {i}: the output is neither site ({now.Count} files)");
        }
        // And the next build sweeps whatever the killed ones left
        Assert.Equal(0, KbProcess.Run(content.Root, "build", "--content", "content", "--output", "_site").ExitCode);
        Assert.DoesNotContain(Staging(content.Root),
            d => Path.GetFileName(d).StartsWith("._site.", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_sweep_only_folders_that_are_its_own_staging()
    {
        using var content = new TempContent();
        var ours = Path.Combine(content.Root, "._site.new-0123");
        Directory.CreateDirectory(ours);
        File.WriteAllText(Path.Combine(ours, OutputGuard.MarkerName), OutputGuard.MarkerText);
        var lookalike = Path.Combine(content.Root, "._site.old-notes");
        Directory.CreateDirectory(lookalike);
        File.WriteAllText(Path.Combine(lookalike, "mine.txt"), "keep");
        var other = Path.Combine(content.Root, ".other.new-0123");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, OutputGuard.MarkerName), OutputGuard.MarkerText);
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        Assert.False(Directory.Exists(ours));
        Assert.True(File.Exists(Path.Combine(lookalike, "mine.txt")));
        Assert.True(Directory.Exists(other));
    }
}
