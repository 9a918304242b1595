namespace KnowledgeBase.Generator.Model;

public sealed record SiteSettings(string Title, string BaseUrl, string Description, DateOnly? AsOf = null)
{
    /// <summary>
    /// Where readers report an error: the repository's new-issue
    /// form (prefilled through its query string), if configured.
    /// </summary>
    public string? ReportIssueForm { get; init; }

    /// <summary>The corrections mailbox, used as a mailto: fallback beside the form, if configured.</summary>
    public string? ReportEmail { get; init; }
}
