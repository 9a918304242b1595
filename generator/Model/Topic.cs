namespace KnowledgeBase.Generator.Model;

public sealed record Benchmark(string Value, string Instrument, string SourceUrl, string? Note, Spans Spans);

public sealed record Topic(
    string Id,
    string Title,
    string Question,
    string Theme,
    string AnswerType,
    string? Unit,
    string Direction,
    Benchmark? Benchmark,
    Coding? Coding,
    string? Restates,
    IReadOnlyList<Answer> Answers,
    Spans Spans)
{
    public Answer? AnswerFor(string jurisdictionId) => Answers.FirstOrDefault(a => a.JurisdictionId == jurisdictionId);

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
