namespace KnowledgeBase.Generator.Model;

public sealed record Jurisdiction(
    string Id, string Name, string Kind, string Seat, IReadOnlyList<string> Aliases, int Order, Spans Spans);
