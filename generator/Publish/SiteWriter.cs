namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// Stage 5, WriteOutput: writes the site into a fresh sibling folder, then swaps it into place, so
/// the output folder is at every moment either the previous complete site or the new one.
/// </summary>
internal static class SiteWriter
{
    /// <summary>Writes and swaps in the site; refuses (before touching anything) an output <see cref="OutputGuard"/> refuses.</summary>
    public static long Write(IReadOnlyDictionary<string, byte[]> site, string outputDir, string? contentDir = null)
    {
        if (OutputGuard.Refusal(outputDir, contentDir) is { } refusal) throw new OutputRefusedException(refusal);
        var target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
        var retired = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        long bytes = 0;
        try
        {
            // Folders first, once each; then the files on every core (the kernel's share of writing
            // many small files is CPU work too).
            Directory.CreateDirectory(staging);
            var files = site.Select(e => (File: Path.Combine(staging, e.Key.Replace('/', Path.DirectorySeparatorChar)), Content: e.Value)).ToList();
            foreach (var folder in files.Select(f => Path.GetDirectoryName(f.File)!).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(folder);
            Parallel.ForEach(files, f => File.WriteAllBytes(f.File, f.Content));
            File.WriteAllText(Path.Combine(staging, OutputGuard.MarkerName), OutputGuard.MarkerText);
            bytes = files.Sum(f => (long)f.Content.Length);
            if (Directory.Exists(target)) Directory.Move(target, retired);
            Directory.Move(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (!Directory.Exists(target) && Directory.Exists(retired)) Directory.Move(retired, target);
            throw;
        }
        if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
        return bytes;
    }
}

/// <summary>The output folder is one a build must not replace; the message says why and what to do.</summary>
public sealed class OutputRefusedException(string message) : Exception(message);
