using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// The downloads under data/ and their documented columns: the contract other people's scripts read.
/// Publish writes them; the data page and datapackage.json describe them from this one list.
/// </summary>
internal static class Downloads
{
    /// <summary>Every download, in the order the data page and datapackage.json list them: the whole
    /// knowledge base and the package descriptor, each kind's tables, then the findings.</summary>
    public static IReadOnlyList<DataFile> Files { get; } =
    [
        .. Leading,
        .. RecordKinds.Every.SelectMany(k => k.Exports).Select(e => e.File),
        .. Findings,
    ];

    private static IReadOnlyList<DataFile> Findings =>
    [
        new("findings.json",
            "Every finding with kind, topic, jurisdictions, summary, evidence ids and reform pointers.", []),
        new("findings.csv", "One row per finding.",
        [
            new("id", "Stable finding id."),
            new("kind", "gap, non-uniformity, below-benchmark, overlap, missing-rules or not-constituted."),
            new("topic", "Topic id, where the finding is about a topic."),
            new("theme", "Theme id."),
            new("jurisdictions", "Jurisdiction ids concerned, separated by ';'."),
            new("summary", "The finding in one sentence."),
            new("evidence",
                "Evidence ids (answer:<topic>/<jurisdiction>, statute:<id>, institution:<id>), separated by ';'."),
        ]),
    ];

    private static IReadOnlyList<DataFile> Leading =>
    [
        new("kb.json",
            "Every record: jurisdictions, statutes with sections, bodies with mandates, topics with answers, " +
            "articles (metadata). Field names follow the content format.", []),
        new("datapackage.json",
            "A Frictionless Data package descriptor: every CSV here with each column's name, type and meaning, " +
            "so the files load in R, pandas or a spreadsheet without guessing.", []),
    ];
}
