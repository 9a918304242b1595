namespace KnowledgeBase.Generator.Load;

/// <summary>Limits on what content may hold, in one place: the loader, the validator and content/README.md use them.</summary>
public static class Limits
{
    /// <summary>A note is for the reader: what the answer means and any caveat.</summary>
    public const int NoteWords = 90;

    /// <summary>The operative words of a section: a short quotation (about 60 words), never the whole text.</summary>
    public const int QuoteWords = 75;

    public const int QualifierLength = 200;
}
