using KnowledgeBase.Generator.Diagnostics;

namespace KnowledgeBase.Generator.Load;

/// <summary>
/// Reads one content file as text. Every way reading can fail is a diagnostic, except a file that
/// vanished after the folder was listed (an editor's temporary file, a checkout under way): that is
/// a normal event while `kb serve` watches, and the file is simply not there.
/// </summary>
internal static class ContentFile
{
    public static string? Read(string file, DiagnosticBag bag)
    {
        var at = SourceSpan.FileOnly(ContentLoader.DisplayPath(file));
        try
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                bag.Error(Codes.UnreadableFile, at,
                    $"symbolic link points to '{info.LinkTarget}', which does not exist",
                    "remove the link or restore the file it points to");
                return null;
            }
            if (!info.Exists) return null;
            if (info.Length > Limits.FileBytes)
            {
                bag.Error(Codes.FileTooLarge, at, $"file is {info.Length:N0} bytes; the limit is {Limits.FileBytes:N0}",
                    "a record is a few kilobytes: split the material, or move long text into an article");
                return null;
            }
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(Codes.UnreadableFile, at, $"cannot read file: {e.Message}",
                "check that the file exists and is readable");
            return null;
        }
    }
}
