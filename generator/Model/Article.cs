namespace KnowledgeBase.Generator.Model;

public sealed record ArticleSource(string Title, string Url);

public sealed record Article(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    DateOnly CheckedOn,
    IReadOnlyList<ArticleSource> Sources,
    string Body,
    Spans Spans);
