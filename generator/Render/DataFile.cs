namespace KnowledgeBase.Generator.Render;

internal sealed record DataColumn(string Name, string Meaning, string Type = "string");

internal sealed record DataFile(string Name, string Description, IReadOnlyList<DataColumn> Columns);
