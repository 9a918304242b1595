using System.Text.RegularExpressions;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Validate;

/// <summary>
/// What each answer status requires, and the codebook checks across a topic's answers: the same
/// law coded the same way everywhere it has force, and answers that agree with the statute and
/// body fields they restate.
/// </summary>
internal static partial class AnswerRules
{
    public static void Check(Topic t, Answer a, IReadOnlyDictionary<string, Statute> statutes, DateOnly today,
        DiagnosticBag bag)
    {
        foreach (var s in AllSources(a)) NotFuture(s, today, bag);
        var who = $"'{a.StatusName}' answer for '{a.JurisdictionId}' in topic '{t.Id}'";
        void Lacks(string field, string hint) =>
            bag.Error(Codes.IncompleteAnswer, a.Spans.Record, $"{who} lacks '{field}'", hint);

        switch (a.Status)
        {
            case AnswerStatus.Answered:
                if (a.Value is null) Lacks("value", "write the value the section gives");
                if (a.StatuteId is null) Lacks("statute", "name the statute whose section gives the value");
                if (a.Section is null)
                    Lacks("section", "cite the section; if nobody has read it, use status: reported");
                if (a.Sources.Count == 0) Lacks("sources", "list what was read: url, kind, read_on");
                else if (!a.Sources.Any(s => s.IsLawText))
                    bag.Error(Codes.IncompleteAnswer, a.Spans.At("sources"),
                        $"{who} rests only on reports, not on the text of the law",
                        "a value whose section was not read in the law's text is status: reported");
                if (a.Quote is null && a.Sources.Any(s => s.Kind != SourceKinds.Judgment && s.IsLawText))
                    bag.Warning(Codes.MissingQuote, a.Spans.Record, $"{who} was read in the text but quotes none of it",
                        $"add 'quote:' with the operative words of the section " +
                        $"(at most about {Limits.QuoteWords} words)");
                break;
            case AnswerStatus.Reported:
                if (a.Value is null) Lacks("value", "write the value the sources report");
                if (a.Sources.Count == 0) Lacks("sources", "list the reports that state the value: url, kind, read_on");
                break;
            case AnswerStatus.Disputed:
                if (a.Value is null) Lacks("value", "write the value of the reading the answer follows");
                if (a.Readings.Count < 2)
                    Lacks("readings", "list at least two competing readings, each with its sources");
                if (a.Follows is null) Lacks("follows", "say which reading the value follows, and why");
                if (a.Value is not null && a.Readings.Count >= 2 && a.Readings.All(r => r.Value != a.Value))
                    bag.Error(Codes.IncompleteAnswer, a.Spans.At("value"),
                        $"{who} follows '{a.Value}', which none of its readings gives",
                        "make 'value' the value of one of the readings");
                break;
            case AnswerStatus.NoProvision:
                if (a.Sources.Count == 0) Lacks("sources", "a gap in the law needs the source that shows it");
                if (a.Note is null) Lacks("note", "say in a sentence or two what the absence means for a reader");
                break;
            case AnswerStatus.NotResearched:
                if (a.Research is null)
                    Lacks("research", "say which sources were consulted, so the next researcher starts there");
                break;
        }
        if (!a.IsAnswered && a.Value is not null)
            bag.Error(Codes.IncompleteAnswer, a.Spans.At("value"), $"a '{a.StatusName}' answer must not carry a value",
                "remove 'value', or set the status that says how the value is known");
        if (a.Readings.Count > 0 && !a.IsDisputed)
            bag.Error(Codes.IncompleteAnswer, a.Spans.At("readings"), $"{who} lists readings but is not disputed",
                "use status: disputed, or move the other reading into the research trail");
        if (a.Quote is { } q && Words(q) > Limits.QuoteWords)
            bag.Error(Codes.TooLong, a.Spans.At("quote"),
                $"quote is {Words(q)} words; the limit is {Limits.QuoteWords}",
                "quote only the operative words of the section");
        ForReaders(a.Note, a.Spans.At("note"), "note", bag, limitWords: true);
        ForReaders(a.Research, a.Spans.At("research"), "research trail", bag, limitWords: false);
        History(a, statutes, bag);
    }

    private static IEnumerable<Source> AllSources(Answer a) =>
        a.Sources.Concat(a.Readings.SelectMany(r => r.Sources)).Concat(a.History.SelectMany(h => h.Sources));

    private static void NotFuture(Source s, DateOnly today, DiagnosticBag bag)
    {
        if (s.ReadOn > today)
            bag.Error(Codes.FutureDate, s.Spans.At("read_on"), $"date {s.ReadOn:yyyy-MM-dd} is in the future",
                "write the day the source was actually read");
    }

    private static void History(Answer a, IReadOnlyDictionary<string, Statute> statutes, DiagnosticBag bag)
    {
        for (var i = 1; i < a.History.Count; i++)
            if (a.History[i].From.CompareTo(a.History[i - 1].From) < 0)
                bag.Error(Codes.HistoryOrder, a.History[i].Spans.At("from"),
                    $"history entry from {a.History[i].From.Iso} comes after one from {a.History[i - 1].From.Iso}",
                    "list history oldest first");
        foreach (var h in a.History)
        {
            if (h.Until is { } u && u.CompareTo(h.From) < 0)
                bag.Error(Codes.HistoryOrder, h.Spans.At("until"),
                    $"history entry ends ({u.Iso}) before it starts ({h.From.Iso})",
                    "check the dates against the sources");
            if (h.StatuteId is not null && !statutes.ContainsKey(h.StatuteId))
                bag.Error(Codes.UnknownReference, h.Spans.At("statute"), $"unknown statute '{h.StatuteId}'",
                    Suggest.Closest(h.StatuteId, statutes.Keys.ToList()) is { } c
                        ? $"did you mean '{c}'?"
                        : "no statute has this id");
        }
    }

    /// <summary>
    /// Notes and research trails speak to readers: they name sources, never the tools, corpora,
    /// passes or sessions of the work behind them. A note stays short.
    /// </summary>
    internal static void ForReaders(string? text, SourceSpan at, string what, DiagnosticBag bag, bool limitWords)
    {
        if (text is null) return;
        if (limitWords && Words(text) > Limits.NoteWords)
            bag.Error(Codes.NoteForReaders, at, $"{what} is {Words(text)} words; the limit is {Limits.NoteWords}",
                "keep two or three sentences on what the answer means; move what was searched to 'research:'");
        // KB: addresses are what was read, not prose: "…-assembly-passes-…"
        // or "/data/corpus/" in a URL is not a research log.
        if (ProcessWords().Match(Addresses().Replace(text, " ")) is { Success: true } m)
            bag.Error(Codes.NoteForReaders, at, $"{what} names the research process ('{m.Value}')",
                "name the sources consulted and what they say, " +
                "not the tools, corpora, passes or sessions used to find them");
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Addresses();

    internal static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\b(corpus|corpora|find_string|read_file|search tool|" +
        @"(first|second|third|fourth|later|another) pass|" +
        @"(search|research) passes|" +
        @"(search|research|this|previous|earlier|later|another|first|second|third) session|" +
        @"re-searched|queries tried|searched again)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcessWords();

    /// <summary>
    /// Codebook checks across a topic: a section cited in two jurisdictions is coded alike, and a
    /// jurisdiction where a cited law has force is not coded as having no provision.
    /// </summary>
    public static void Consistency(Topic t, IReadOnlyDictionary<string, Statute> statutes, DiagnosticBag bag)
    {
        var cited = t.Answers.Where(a => a.StatuteId is not null && a.Section is not null && a.IsAnswered).ToList();
        foreach (var group in cited.GroupBy(a => (a.StatuteId, Section: SectionAnchor.For(a.Section!))))
        {
            var codings = group.Select(a => (a.Value, a.Qualifier)).Distinct().Count();
            if (codings < 2) continue;
            var first = group.First();
            foreach (var other in group.Skip(1).Where(a => (a.Value, a.Qualifier) != (first.Value, first.Qualifier)))
                bag.Error(Codes.InconsistentCoding, other.Spans.At("value"),
                    $"topic '{t.Id}': {other.JurisdictionId} and {first.JurisdictionId} both cite " +
                    $"{other.StatuteId} s. {other.Section} " +
                    $"but code it '{other.Value}' and '{first.Value}'",
                    "code the same provision the same way, or give each a qualifier that says how it differs");
        }
        foreach (var gap in t.Answers.Where(g => g.IsGap))
        {
            var citing = cited
                .Where(a => statutes.TryGetValue(a.StatuteId!, out var s) && s.AppliesTo.Contains(gap.JurisdictionId))
                .ToList();
            if (citing.Count == 0) continue;
            var first = citing[0];
            bag.Error(Codes.InconsistentCoding, gap.Spans.At("status"),
                $"topic '{t.Id}': {gap.JurisdictionId} is coded no-provision, " +
                $"but {string.Join(", ", citing.Select(a => a.JurisdictionId))} " +
                $"cite{(citing.Count == 1 ? "s" : "")} {first.StatuteId} s. {first.Section}, " +
                $"which has force in {gap.JurisdictionId} too",
                $"code {gap.JurisdictionId} from the same section, or correct the statute's applies_to");
        }
    }

    /// <summary>
    /// A topic that restates a statute or body field (rules notified, body constituted) must agree with it.
    /// </summary>
    public static void Restated(Topic t, KnowledgeBaseModel kb, DiagnosticBag bag)
    {
        if (t.Restates is null) return;
        foreach (var a in t.Answers.Where(a => a.IsAnswered && a.Value is "yes" or "no"))
        {
            if (t.Restates == "rules-notified" && a.StatuteId is not null && kb.Statute(a.StatuteId) is { } s
                && s.RulesNotified is RulesState.Yes or RulesState.No or RulesState.Unknown
                && YamlNames.Of(s.RulesNotified) != a.Value)
                bag.Error(Codes.RestatedField, a.Spans.At("value"),
                    $"topic '{t.Id}' says '{a.Value}' for {a.JurisdictionId}, " +
                    $"but {s.Id} records rules_notified: {YamlNames.Of(s.RulesNotified)}",
                    "make the answer and the statute record agree, citing the same source");
            if (t.Restates == "body-constituted")
                foreach (var id in a.Institutions)
                {
                    if (kb.Institution(id) is not { } body || body.Status == InstitutionStatus.Unknown) continue;
                    var constituted = body.Status is InstitutionStatus.Operational or InstitutionStatus.Constituted;
                    if (constituted != (a.Value == "yes"))
                        bag.Error(Codes.RestatedField, a.Spans.At("value"),
                            $"topic '{t.Id}' says '{a.Value}' for {a.JurisdictionId}, " +
                            $"but {body.Id} records status: {YamlNames.Of(body.Status)}",
                            "make the answer and the body's record agree, citing the same source");
                }
        }
        foreach (var a in t.Answers.Where(a => a.IsUnresearched && t.Restates == "rules-notified"))
            foreach (var s in kb.Statutes.Where(s => s.JurisdictionId == a.JurisdictionId
                         && s.RulesNotified is RulesState.Yes or RulesState.No
                         && s.Themes.Contains(t.Theme)))
                bag.Error(Codes.RestatedField, a.Spans.At("status"),
                    $"topic '{t.Id}' is not researched for {a.JurisdictionId}, " +
                    $"but {s.Id} records rules_notified: {YamlNames.Of(s.RulesNotified)}",
                    "answer from the statute record and its sources");
    }
}
