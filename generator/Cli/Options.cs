namespace KnowledgeBase.Generator.Cli;

/// <summary>The values a command runs with, read from the parsed command line.</summary>
internal sealed class Options
{
    public string Content { get; init; } = "content";
    public string Output { get; init; } = "_site";
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 8080;
    public int Limit { get; init; } = 10;
    public bool Json { get; init; }
    public int? Statutes { get; init; }
    public string? Out { get; init; }
    public int Seed { get; init; } = 1;
    public int Runs { get; init; } = 3;
    public IReadOnlyList<int>? Sizes { get; init; }
    public bool Facets { get; init; }

    /// <summary>`kb build --allow-untranslated`: Urdu pages written with English where entries are missing.</summary>
    public bool Draft { get; init; }
    public string Format { get; init; } = "text";
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> FilterValues { get; } = new(StringComparer.Ordinal);
}
