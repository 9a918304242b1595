namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// Stage 5, WriteOutput: writes the site into a fresh sibling folder, then exchanges it with the
/// output folder in one atomic step, so the output path holds the previous complete site or the
/// new one at every instant, and a build killed at any moment leaves a complete site there. Each
/// build first sweeps the staging folders of builds that were killed (recognised by their name and
/// the marker file written into them before anything else).
/// </summary>
internal static class SiteWriter
{
    /// <summary>
    /// Writes and swaps in the site; refuses (before touching anything) an output <see cref="OutputGuard"/> refuses.
    /// </summary>
    public static long Write(IReadOnlyDictionary<string, byte[]> site, string outputDir, string? contentDir = null)
    {
        if (OutputGuard.Refusal(outputDir, contentDir) is { } refusal) throw new OutputRefusedException(refusal);
        var target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        SweepStaging(parent, name);
        var staging = Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
        var retired = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        long bytes = 0;
        try
        {
            // The marker first: a staging folder a kill leaves behind is then recognisable as ours.
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, OutputGuard.MarkerName), OutputGuard.MarkerText);
            // Folders first, once each; then the files on every core (the kernel's share of writing
            // many small files is CPU work too).
            var files = site.Select(e => (File: Path.Combine(staging, e.Key.Replace('/', Path.DirectorySeparatorChar)),
                Content: e.Value)).ToList();
            foreach (var folder in files.Select(f => Path.GetDirectoryName(f.File)!).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(folder);
            Parallel.ForEach(files, f => File.WriteAllBytes(f.File, f.Content));
            bytes = files.Sum(f => (long)f.Content.Length);
            if (!Directory.Exists(target)) Directory.Move(staging, target);
            else if (AtomicSwap.TryExchange(staging, target)) retired = staging;
            else
            {
                // No atomic exchange here: two renames, with a moment in between when the path is empty.
                Directory.Move(target, retired);
                Directory.Move(staging, target);
            }
        }
        catch
        {
            if (Directory.Exists(staging) && staging != retired) Directory.Delete(staging, recursive: true);
            if (!Directory.Exists(target) && Directory.Exists(retired)) Directory.Move(retired, target);
            throw;
        }
        if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
        return bytes;
    }

    /// <summary>
    /// Removes what killed builds left beside the output: folders named like our staging folders
    /// (".NAME.new-*", ".NAME.old-*") that hold our marker. Anything else is left alone.
    /// </summary>
    internal static int SweepStaging(string parent, string name)
    {
        var swept = 0;
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*-*"))
        {
            var leaf = Path.GetFileName(dir);
            var isOurs = (leaf.StartsWith($".{name}.new-", StringComparison.Ordinal)
                          || leaf.StartsWith($".{name}.old-", StringComparison.Ordinal))
                         && File.Exists(Path.Combine(dir, OutputGuard.MarkerName))
                         && (new DirectoryInfo(dir).Attributes & FileAttributes.ReparsePoint) == 0;
            if (!isOurs) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
                swept++;
            }
            catch (IOException)
            {
                // Another build may be using it right now; the next build sweeps it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return swept;
    }
}

/// <summary>The output folder is one a build must not replace; the message says why and what to do.</summary>
public sealed class OutputRefusedException(string message) : Exception(message);
