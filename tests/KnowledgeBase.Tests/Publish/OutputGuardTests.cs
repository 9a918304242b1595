using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Publish;

/// <summary>
/// A build replaces its output folder as a whole, so it must never replace a folder it did not create.
/// </summary>
public sealed class OutputGuardTests
{
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f),
                f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal);

    [Theory]
    [InlineData(".", "is the current folder")]
    [InlineData("content", "is the content folder")]
    [InlineData("content/statutes", "is inside the content folder")]
    public void Should_refuse_the_working_or_content_folder_and_leave_it_untouched(string output, string reason)
    {
        // Given a working folder holding the content, as in a checkout
        using var content = new TempContent();
        var before = Snapshot(content.Root);
        // When kb build is pointed at it (a child process, so '.' is the temp folder, not the test's)
        var r = KbProcess.Run(content.Root, "build", "--content", "content", "--output", output);
        // Then it is refused as a usage error and nothing is touched
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(reason, r.Err);
        Assert.Equal(before, Snapshot(content.Root));
    }

    [Fact]
    public void Should_refuse_a_parent_of_the_working_folder()
    {
        using var content = new TempContent();
        var sub = Path.Combine(content.Root, "work");
        Directory.CreateDirectory(sub);
        var before = Snapshot(content.Root);
        var r = KbProcess.Run(sub, "build", "--content", "../content", "--output", "..");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("contains the current folder", r.Err);
        Assert.Equal(before, Snapshot(content.Root));
    }

    [Fact]
    public void Should_refuse_a_folder_that_contains_the_content()
    {
        using var content = new TempContent();
        var before = Snapshot(content.Root);
        var r = Kb.Run("build", "--content", content.Content, "--output", content.Root);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("contains the content folder", r.Err);
        Assert.Equal(before, Snapshot(content.Root));
    }

    [Fact]
    public void Should_refuse_a_non_empty_folder_a_build_did_not_create()
    {
        using var content = new TempContent();
        var notes = Path.Combine(content.Root, "notes");
        Directory.CreateDirectory(notes);
        File.WriteAllText(Path.Combine(notes, "thesis.docx"), "three years of work");
        var r = Kb.Run("build", "--content", content.Content, "--output", notes);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not empty and was not written by kb build", r.Err);
        Assert.Equal("three years of work", File.ReadAllText(Path.Combine(notes, "thesis.docx")));
    }

    [Fact]
    public void Should_refuse_a_repository_and_a_file()
    {
        using var content = new TempContent();
        var repo = Path.Combine(content.Root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        Assert.Contains("git repository", OutputGuard.Refusal(repo, content.Content, content.Root));
        var file = Path.Combine(content.Root, "site.txt");
        File.WriteAllText(file, "x");
        Assert.Contains("is a file", OutputGuard.Refusal(file, content.Content, content.Root));
    }

    [Fact]
    public void Should_see_through_a_symbolic_link_to_the_content()
    {
        using var content = new TempContent();
        var link = Path.Combine(content.Root, "link");
        Directory.CreateSymbolicLink(link, content.Content);
        var r = Kb.Run("build", "--content", content.Content, "--output", link);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is the content folder", r.Err);
        Assert.True(File.Exists(content.PathOf("jurisdictions/punjab.yaml")));
    }

    [Fact]
    public void Should_refuse_in_serve_too()
    {
        using var content = new TempContent();
        var r = Kb.Run("serve", "--content", content.Content, "--output", content.Content, "--port", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is the content folder", r.Err);
    }

    [Fact]
    public void Should_accept_a_new_an_empty_and_its_own_folder()
    {
        using var content = new TempContent();
        // New
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        Assert.Equal(OutputGuard.MarkerText, File.ReadAllText(Path.Combine(content.Output, OutputGuard.MarkerName)));
        // Its own, again
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        // Empty
        var empty = Path.Combine(content.Root, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", empty).ExitCode);
        Assert.True(File.Exists(Path.Combine(empty, "index.html")));
    }

    [Fact]
    public void Should_refuse_in_the_writer_itself()
    {
        using var content = new TempContent();
        var site = new Dictionary<string, byte[]> { ["index.html"] = "x"u8.ToArray() };
        Assert.Throws<OutputRefusedException>(() => SiteWriter.Write(site, content.Content, content.Content));
        Assert.True(File.Exists(content.PathOf("jurisdictions/punjab.yaml")));
    }
}
