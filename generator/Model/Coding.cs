namespace KnowledgeBase.Generator.Model;

/// <summary>
/// A topic's coding rules: how a jurisdiction's law is turned into the answer shown, so two
/// researchers code the same law the same way. Rendered on the topic page (the published codebook).
/// </summary>
public sealed record Coding(
    string Value,
    string NoProvision,
    string? Defences,
    string? Instruments,
    string? Sectoral,
    Spans Spans)
{
    /// <summary>The rules in reading order, with their headings, skipping those not given.</summary>
    public IEnumerable<(string Heading, string Text)> Rules()
    {
        yield return ("What the answer records", Value);
        yield return ("When it is coded “no provision”", NoProvision);
        if (Defences is not null) yield return ("Defences and exceptions", Defences);
        if (Instruments is not null) yield return ("Which instruments count", Instruments);
        if (Sectoral is not null) yield return ("Partial or sectoral coverage", Sectoral);
    }
}
