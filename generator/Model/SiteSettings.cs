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

    /// <summary>
    /// The languages the site is built in: English always, Urdu (under /ur/) when listed. Every interface
    /// string an Urdu page shows must then have an entry in content/i18n/ur/.
    /// </summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    // Two settings are equal when they say the same, the language list compared by its items.
    public bool Equals(SiteSettings? other) =>
        other is not null && Title == other.Title && BaseUrl == other.BaseUrl && Description == other.Description
        && AsOf == other.AsOf && ReportIssueForm == other.ReportIssueForm && ReportEmail == other.ReportEmail
        && Languages.SequenceEqual(other.Languages);

    public override int GetHashCode() =>
        HashCode.Combine(Title, BaseUrl, Description, AsOf, string.Join(',', Languages));
}
