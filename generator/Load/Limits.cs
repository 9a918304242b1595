namespace KnowledgeBase.Generator.Load;

/// <summary>
/// Limits on what content may hold, in one place: the loader, the validator and content/README.md use them.
/// </summary>
public static class Limits
{
    /// <summary>A note is for the reader: what the answer means and any caveat.</summary>
    public const int NoteWords = 90;

    /// <summary>The operative words of a section: a short quotation (about 60 words), never the whole text.</summary>
    public const int QuoteWords = 75;

    public const int QualifierLength = 200;

    /// <summary>The largest content file read, in bytes: the biggest real record is about 40 KB.</summary>
    public const long FileBytes = 1_000_000;

    /// <summary>How deeply YAML may nest (mappings and lists): real records nest five levels.</summary>
    public const int NestingDepth = 32;

    /// <summary>The longest single YAML value, in characters, checked before the tree is built.</summary>
    public const int ScalarChars = 100_000;
}
