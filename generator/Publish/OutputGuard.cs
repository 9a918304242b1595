namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// Decides whether a folder may be replaced by a built site. Publishing swaps the whole output
/// folder, so a wrong <c>--output</c> would otherwise delete whatever was there: the working
/// folder, the content, a repository. Only a folder that does not exist, an empty folder, or a
/// folder a previous build marked as its own may be replaced.
/// </summary>
public static class OutputGuard
{
    /// <summary>The file every build writes into the site folder to recognise it as its own later.</summary>
    public const string MarkerName = ".kb-site";

    /// <summary>What the marker says to a person who opens it.</summary>
    public const string MarkerText =
        "This folder was written by `kb build` and is replaced as a whole by the next build.\n" +
        "Do not keep anything else here.\n";

    /// <summary>
    /// Why <paramref name="output"/> must not be replaced, or null when it may be.
    /// <paramref name="content"/> is the content folder of the same build, when there is one.
    /// </summary>
    public static string? Refusal(string output, string? content = null, string? workingDirectory = null)
    {
        var target = Canonical(output);
        var here = Canonical(workingDirectory ?? Directory.GetCurrentDirectory());
        if (IsSameOrAncestor(target, here))
            return target == here
                ? $"output folder '{output}' is the current folder; choose a folder of its own, e.g. _site"
                : $"output folder '{output}' contains the current folder; choose a folder of its own, e.g. _site";
        if (content is not null)
        {
            var source = Canonical(content);
            if (IsSameOrAncestor(target, source))
                return $"output folder '{output}' {(target == source ? "is" : "contains")} " +
                       $"the content folder '{content}'; " +
                       "choose a folder outside it, e.g. _site";
            if (IsSameOrAncestor(source, target))
                return $"output folder '{output}' is inside the content folder '{content}'; " +
                       "choose a folder outside it, e.g. _site";
        }
        if (File.Exists(target)) return $"output '{output}' is a file, not a folder; choose a folder, e.g. _site";
        // A repository root that holds the working or content folder was refused above; this is any other one.
        if (Directory.Exists(target) && Path.Exists(Path.Combine(target, ".git")))
            return $"output folder '{output}' is a git repository; choose a folder of its own, e.g. _site";
        if (Directory.Exists(target)
            && !File.Exists(Path.Combine(target, MarkerName))
            && Directory.EnumerateFileSystemEntries(target).Any())
            return $"output folder '{output}' is not empty and was not written by kb build " +
                   $"(it has no {MarkerName} file); " +
                   "choose an empty or new folder, or delete this one yourself if it is an old site";
        return null;
    }

    private static bool IsSameOrAncestor(string ancestor, string path) =>
        path == ancestor
        || path.StartsWith(
            ancestor.EndsWith(Path.DirectorySeparatorChar) ? ancestor : ancestor + Path.DirectorySeparatorChar,
            StringComparison.Ordinal);

    /// <summary>
    /// The absolute path with every symbolic link among its existing parts followed, so a link to
    /// the working folder is recognised as the working folder.
    /// </summary>
    internal static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..]
            .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null
                && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                next = Path.GetFullPath(target.FullName);
            current = next;
        }
        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }
}
