namespace KnowledgeBase.Generator.Model;

public sealed record ArticleSource(string Title, string Url);

/// <summary>An article: Markdown prose with front matter (its kind lives in Kinds/Articles.cs).</summary>
public sealed record Article(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    DateOnly CheckedOn,
    IReadOnlyList<ArticleSource> Sources,
    string Body,
    Spans Spans) : Kinds.KindRecord(Id, Spans)
{
    public override string Title { get; } = Title;
    public override string? JurisdictionId => null;
    public override IEnumerable<Source> AllSources => [];
}
