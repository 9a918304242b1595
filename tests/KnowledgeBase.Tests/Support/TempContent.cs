using KnowledgeBase.Generator.Cli;

namespace KnowledgeBase.Tests.Support;

/// <summary>A private copy of the fixture content in a temp folder, removed on dispose.</summary>
public sealed class TempContent : IDisposable
{
    public string Root { get; }
    public string Content => Path.Combine(Root, "content");
    public string Output => Path.Combine(Root, "_site");

    public TempContent(string? source = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "kb-test-" + Guid.NewGuid().ToString("N"));
        Copy(source ?? Paths.FixtureContent, Content);
    }

    public string PathOf(string relative) => Path.Combine(Content, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        Assert.Contains(oldText, text);
        Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

public static class Paths
{
    public static string FixtureContent => Path.Combine(AppContext.BaseDirectory, "Fixtures", "content");

    /// <summary>The repository root, found by walking up to KnowledgeBase.sln.</summary>
    public static string Repo
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln"))) dir = dir.Parent;
            return dir?.FullName
                ?? throw new InvalidOperationException("KnowledgeBase.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string RealContent => Path.Combine(Repo, "content");
}

/// <summary>Runs the `kb` command in-process and captures what it prints.</summary>
public static class Kb
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = KbCommand.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Runs the `kb` command as a child process in a chosen working folder, as a user would.</summary>
public static class KbProcess
{
    /// <summary>Starts kb without waiting; its output is discarded (for tests that kill it).</summary>
    public static System.Diagnostics.Process Start(string workingDirectory, params string[] args)
    {
        var start = Info(workingDirectory, args);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        return System.Diagnostics.Process.Start(start)!;
    }

    private static System.Diagnostics.ProcessStartInfo Info(string workingDirectory, string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kb.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    public static Kb.Result Run(string workingDirectory, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(Info(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kb {string.Join(' ', args)} did not finish within 2 minutes");
        }
        return new Kb.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
