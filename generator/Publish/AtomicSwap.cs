using System.Runtime.InteropServices;

namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// Exchanges two folders in one step: on Linux with renameat2(RENAME_EXCHANGE), so the path holds
/// the old folder or the new one at every instant, never neither. Elsewhere, or on a file system
/// that cannot exchange, it reports false and the caller falls back to two renames.
/// </summary>
internal static class AtomicSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    // KB: DllImport rather than LibraryImport, which would need unsafe code for one call; on Unix
    // strings marshal as UTF-8.
    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    /// <summary>Swaps the contents of the two paths; false when this system cannot do it atomically.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            if (RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0) return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        var errno = Marshal.GetLastPInvokeError();
        // EINVAL or ENOSYS: the file system or kernel cannot exchange; anything else is a real failure.
        if (errno is 22 or 38) return false;
        throw new IOException($"cannot swap '{a}' and '{b}' into place (errno {errno})");
    }
}
