namespace KnowledgeBase.Generator.Model;

public sealed record Term(string Id, string Label);

public sealed record SynonymGroup(IReadOnlyList<string> Phrases);
