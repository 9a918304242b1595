namespace KnowledgeBase.Generator.Model;

/// <summary>
/// How firmly a record is known; content and downloads write it in lower case (<see cref="YamlNames"/>).
/// </summary>
public enum Verification
{
    /// <summary>Read in the text of the law, or a judgment.</summary>
    Primary,

    /// <summary>Stated in notices, reports or news about the law.</summary>
    Secondary,

    /// <summary>Still to be checked.</summary>
    Unverified,
}
