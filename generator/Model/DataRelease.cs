namespace KnowledgeBase.Generator.Model;

/// <summary>
/// One archived data release: its version ("2026-12-07-1a2b3c4d"), the day its content speaks for,
/// its files on disk, and what changed since the release before it (null for the first).
/// </summary>
public sealed record DataRelease(
    string Version, DateOnly AsOf, int Sequence, string Directory, IReadOnlyList<string> Files)
{
    public ReleaseChanges? Changes { get; init; }
}

/// <summary>How many answers changed and findings came and went since release <see cref="Since"/>.</summary>
public sealed record ReleaseChanges(string Since, int Answers, int FindingsAdded, int FindingsRemoved);
