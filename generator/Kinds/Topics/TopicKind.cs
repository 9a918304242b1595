using System.Globalization;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Index;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Generator.Validate;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Validate.RecordValidator;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// Topics (content/topics/ID.yaml): one comparison question, its coding rules and benchmark, and
/// every jurisdiction's answer. How a topic is read, checked, indexed (with a document per answer)
/// and exported (answers.csv); its pages are in TopicKind.Pages.cs.
/// </summary>
internal sealed partial class TopicKind : Kind
{
    public override string Name => "topic";
    public override string Folder => "topics";
    public override string Plural => "Topics";

    /// <summary>Every topic file in content/topics/, in id order.</summary>
    internal IReadOnlyList<Topic> Load(string root, DiagnosticBag bag, ParseCache? cache) =>
        ContentLoader.LoadAll(root, Folder, bag, Name, Read, cache: cache)
            .OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    public override IEnumerable<string> Ids(KnowledgeBaseModel kb) => kb.Topics.Select(t => t.Id);

    internal static Topic? Read(MappingReader r)
    {
        var id = r.Id();
        var title = r.String("title", maxLength: 300);
        var question = r.String("question", maxLength: 1000);
        var theme = r.String("theme");
        var answerType = r.OneOf("answer_type", Vocab.AnswerTypes);
        var unit = r.String("unit", required: false, maxLength: 100);
        var direction = r.OneOf("direction", Vocab.Directions);
        var benchmarkReader = r.Mapping("benchmark", "benchmark");
        Benchmark? benchmark = null;
        if (benchmarkReader is not null)
        {
            var value = benchmarkReader.String("value", maxLength: 100);
            var instrument = benchmarkReader.String("instrument", maxLength: 500);
            var url = benchmarkReader.Url("source_url");
            var note = benchmarkReader.String("note", required: false);
            benchmarkReader.Finish();
            if (value is not null && instrument is not null && url is not null)
                benchmark = new Benchmark(value, instrument, url, note, benchmarkReader.Spans());
        }
        var coding = r.Mapping("coding", "coding rules") is { } c ? ReadCoding(c) : null;
        var restates = r.OneOf("restates", Vocab.Restates, required: false);
        var answers = r.MappingList("answers", "answer").Select(ReadAnswer).OfType<Answer>().ToList();
        var aliases = r.StringList("aliases");
        if (id is null || title is null || question is null || theme is null || answerType is null || direction is null)
            return null;
        return new Topic(id, title, question, theme, answerType, unit, direction, benchmark, coding, restates, answers,
            r.Spans()) { Aliases = aliases };
    }

    private static Coding? ReadCoding(MappingReader r)
    {
        var value = r.String("value", maxLength: 1_500);
        var noProvision = r.String("no_provision", maxLength: 1_500);
        var defences = r.String("defences", required: false, maxLength: 1_500);
        var instruments = r.String("instruments", required: false, maxLength: 1_500);
        var sectoral = r.String("sectoral", required: false, maxLength: 1_500);
        r.Finish();
        return value is null || noProvision is null
            ? null
            : new Coding(value, noProvision, defences, instruments, sectoral, r.Spans());
    }

    private static Answer? ReadAnswer(MappingReader r)
    {
        var jurisdiction = r.String("jurisdiction");
        var status = r.OneOf("status", YamlNames.All<AnswerStatus>());
        var value = r.String("value", required: false, maxLength: 500);
        var qualifier = r.String("qualifier", required: false, maxLength: Limits.QualifierLength);
        var statute = r.String("statute", required: false);
        var section = r.String("section", required: false, maxLength: 40);
        var quote = r.String("quote", required: false, maxLength: 2_000);
        var sources = ContentLoader.ReadSources(r, "sources", required: false);
        var readings = r.MappingList("readings", "reading").Select(ReadReading).OfType<Reading>().ToList();
        var follows = r.String("follows", required: false, maxLength: 2_000);
        var history = r.MappingList("history", "history entry").Select(ReadHistory).OfType<HistoryEntry>().ToList();
        var institutions = r.StringList("institutions");
        var note = r.String("note", required: false);
        var research = r.String("research", required: false);
        Retired(r, "source_url", "list what was read under 'sources:' (url, kind, read_on)");
        Retired(r, "checked_on", "give each source its own 'read_on' date under 'sources:'");
        Retired(r, "verification", "verification is derived from the kinds of the sources; remove this line");
        r.Finish();
        if (jurisdiction is null || status is null) return null;
        return new Answer(jurisdiction,
            YamlNames.TryParse<AnswerStatus>(status, out var known) ? known : AnswerStatus.NotResearched,
            value, qualifier, statute, section, quote, sources, readings, follows, history,
            institutions, note, research, r.Spans());
    }

    /// <summary>
    /// A field of the first answer format: named with what replaced it, instead of a bare "unknown field".
    /// </summary>
    private static void Retired(MappingReader r, string key, string hint)
    {
        if (!r.Has(key)) return;
        r.Bag.Error(Codes.UnknownField, r.At(key), $"answer field '{key}' is no longer used", hint);
    }

    private static Reading? ReadReading(MappingReader r)
    {
        var value = r.String("value", maxLength: 500);
        var statute = r.String("statute", required: false);
        var section = r.String("section", required: false, maxLength: 40);
        var sources = ContentLoader.ReadSources(r, "sources", required: true);
        var note = r.String("note", required: false, maxLength: 2_000);
        r.Finish();
        return value is null ? null : new Reading(value, statute, section, sources, note, r.Spans());
    }

    private static HistoryEntry? ReadHistory(MappingReader r)
    {
        var value = r.String("value", maxLength: 500);
        var from = r.PartialDate("from");
        var until = r.PartialDate("until", required: false);
        var instrument = r.OneOf("instrument", HistoryEntry.Instruments);
        var title = r.String("title", maxLength: 300);
        var statute = r.String("statute", required: false);
        var section = r.String("section", required: false, maxLength: 40);
        var sources = ContentLoader.ReadSources(r, "sources", required: true);
        var note = r.String("note", required: false, maxLength: 2_000);
        r.Finish();
        if (value is null || from is null || instrument is null || title is null) return null;
        return new HistoryEntry(value, from.Value, until, instrument, title, statute, section, sources, note,
            r.Spans());
    }

    internal override void ValidateAll(KnowledgeBaseModel kb, Checks check)
    {
        var (bag, today) = (check.Bag, check.Today);
        var jurisdictions = check.JurisdictionIds;
        var themes = check.ThemeIds;
        var statutes = check.StatutesById;
        var institutions = check.InstitutionIds;
        Unique(kb.Topics, t => t.Id, t => t.Spans, Name, bag);
        Aliases(kb.Topics, t => t.Id, t => t.Aliases, t => t.Spans, Name, bag);
        var compared = kb.Compared.Select(j => j.Id).ToList();
        foreach (var t in kb.Topics)
        {
            FileNamed(t.Spans, t.Id, null, bag);
            Ref(themes, t.Theme, t.Spans.At("theme"), "theme", bag,
                "themes are listed in content/taxonomy/themes.yaml");
            if (t.Benchmark is { } b && !ValueFits(t.AnswerType, b.Value))
                bag.Error(Codes.ValueShape, b.Spans.At("value"),
                    $"benchmark value '{b.Value}' does not fit answer type '{t.AnswerType}'", ShapeHint(t.AnswerType));
            foreach (var a in t.Answers) ValidateAnswer(t, a, jurisdictions, statutes, institutions, today, bag);
            if (t.Coding is null)
                bag.Warning(Codes.MissingCoding, t.Spans.Record, $"topic '{t.Id}' has no coding rules",
                    "add 'coding:' with 'value' (what the answer records) " +
                    "and 'no_provision' (when a jurisdiction is coded as having none)");
            AnswerRules.Consistency(t, statutes, bag);
            AnswerRules.Restated(t, kb, bag);
            foreach (var dup in t.Answers.GroupBy(a => a.JurisdictionId).Where(g => g.Count() > 1))
                bag.Error(Codes.DuplicateAnswer, dup.Skip(1).First().Spans.Record,
                    $"topic '{t.Id}' answers '{dup.Key}' {dup.Count()} times", "keep one answer per jurisdiction");
            foreach (var j in compared.Where(j => t.Answers.All(a => a.JurisdictionId != j)))
                bag.Error(Codes.MissingAnswer, t.Spans.At("answers"), $"topic '{t.Id}' has no answer for '{j}'",
                    $"add an answer for '{j}'; if nobody has looked yet, use status: not-researched with a note");
        }
    }

    private static void ValidateAnswer(Topic t, Answer a, HashSet<string> jurisdictions,
        Dictionary<string, Statute> statutes,
        HashSet<string> institutions, DateOnly today, DiagnosticBag bag)
    {
        Ref(jurisdictions, a.JurisdictionId, a.Spans.At("jurisdiction"), "jurisdiction", bag);
        foreach (var i in a.Institutions) Ref(institutions, i, a.Spans.At("institutions"), "institution", bag);
        AnswerRules.Check(t, a, statutes, today, bag);
        if (a.Value is not null && a.IsAnswered && !ValueFits(t.AnswerType, a.Value))
            bag.Error(Codes.ValueShape, a.Spans.At("value"),
                $"value '{a.Value}' does not fit answer type '{t.AnswerType}' of topic '{t.Id}'",
                ShapeHint(t.AnswerType));
        if (a.StatuteId is not null && Ref(statutes.Keys, a.StatuteId, a.Spans.At("statute"), "statute", bag)
            && a.Section is not null)
            SectionRef(statutes[a.StatuteId], a.Section, a.Spans.At("section"), bag);
        foreach (var r in a.Readings)
        {
            if (a.IsDisputed && !ValueFits(t.AnswerType, r.Value))
                bag.Error(Codes.ValueShape, r.Spans.At("value"),
                    $"reading '{r.Value}' does not fit answer type '{t.AnswerType}'", ShapeHint(t.AnswerType));
            if (r.StatuteId is not null && Ref(statutes.Keys, r.StatuteId, r.Spans.At("statute"), "statute", bag)
                && r.Section is not null)
                SectionRef(statutes[r.StatuteId], r.Section, r.Spans.At("section"), bag);
        }
    }

    internal static bool ValueFits(string answerType, string value) => answerType switch
    {
        "age" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 30,
        "number" => decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
        "yes-no" => value is "yes" or "no",
        "range" => AgeRange.TryParse(value, out _, out _),
        _ => true,
    };

    private static string ShapeHint(string answerType) => answerType switch
    {
        "age" => "write a whole number of years, e.g. value: \"18\"",
        "number" => "write a plain number, e.g. value: \"3\" or \"0.5\"",
        "yes-no" => "write value: \"yes\" or value: \"no\"",
        "range" => "write two whole numbers joined by a hyphen, e.g. value: \"5-16\"",
        _ => "",
    };

    public override IEnumerable<Func<IEnumerable<SearchDocument>>> Documents(KnowledgeBaseModel kb) =>
        PerRecord(kb.Topics, (t, docs) => Document(kb, t, docs));

    private static void Document(KnowledgeBaseModel kb, Topic t, List<SearchDocument> docs)
    {
        docs.Add(new SearchDocument($"topic:{t.Id}", "topic", t.Title, t.Theme.Replace('-', ' '),
            $"{t.Question} {t.Benchmark?.Instrument} {RecordKinds.Plain(kb, t.Benchmark?.Note)}",
            SiteUrls.Topic(t.Id), RecordKinds.Facets(null, [t.Theme], null, null, null)));
        foreach (var a in t.Answers)
        {
            var statute = a.StatuteId is null ? null : kb.Statute(a.StatuteId);
            var value = a.IsAnswered && a.Value is not null
                ? ValueDisplay.Display(t, a.Value)
                : a.StatusName.Replace('-', ' ');
            docs.Add(new SearchDocument($"answer:{t.Id}/{a.JurisdictionId}", "answer",
                $"{t.Title}: {kb.JurisdictionName(a.JurisdictionId)}",
                $"{RecordKinds.Place(kb, a.JurisdictionId)} {a.Section}",
                $"{value}. {a.Qualifier} {t.Question} {statute?.Title} {a.Quote} {RecordKinds.Plain(kb, a.Note)}",
                SiteUrls.Answer(t.Id, a.JurisdictionId),
                RecordKinds.Facets(a.JurisdictionId, [t.Theme], statute?.Year, a.StatusName,
                    YamlNames.Of(a.Verification))));
        }
    }

    public override IReadOnlyList<KindExport> Exports { get; } =
    [
        new(new DataFile("answers.csv", "One row per topic and jurisdiction.",
        [
            new("topic", "Topic id (see topics/<id>/)."),
            new("jurisdiction", "Jurisdiction id: ict, punjab, sindh, kp, balochistan."),
            new("status",
                "answered (read in the law's text), reported (reliable sources agree; section not confirmed), " +
                "disputed (sources conflict), no-provision (a gap in the law) or not-researched (a gap in our data)."),
            new("value",
                "The plain value when answered, reported or disputed (the reading followed): " +
                "a number of years (18), yes/no, or a range (5-16). Empty otherwise."),
            new("unit", "Unit of the value, from the topic (e.g. years). Empty for yes/no."),
            new("statute", "Id of the statute cited (statutes/<id>/)."),
            new("section", "Section of that statute, as printed."),
            new("source_url", "Where the answer was read."),
            new("checked_on", "Date the source was last read, YYYY-MM-DD."),
            new("verification",
                "Derived from the kinds of the sources: primary (an answer read in the law's text or a judgment), " +
                "secondary (notices, reports, news; every reported or disputed answer) or unverified. " +
                "Empty for not-researched."),
            new("qualifier",
                "Partial or sectoral coverage of the value, e.g. 'factories and shops only'. " +
                "Empty when the value is general."),
            new("source_count",
                "How many sources the answer lists (for a disputed answer, with those of its readings)."),
            new("read_in",
                "What the answer rests on, in words (e.g. 'read in an unofficial copy of the statute's text')."),
            new("quote",
                "The operative words of the cited section, as read, on one line. Empty when not read in the text."),
            new("disputed_readings", "For disputed answers, the competing values separated by ';'."),
            new("history", "The dated history of the value: 'from|until|value|instrument' entries separated by ';'."),
        ]), (kb, _) => kb.Topics.SelectMany(t => kb.Compared.Select(j => t.AnswerFor(j.Id)).OfType<Answer>()
            .Select(a => new[]
            {
                t.Id, a.JurisdictionId, a.StatusName, a.IsAnswered ? a.Value : "", a.IsAnswered ? t.Unit : "",
                a.StatuteId, a.Section, a.SourceUrl, a.CheckedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                a.IsUnresearched ? "" : YamlNames.Of(a.Verification), DataExport.OneLine(a.Qualifier),
                DataExport.N(a.AllSources.Count()),
                a.ReadIn, DataExport.OneLine(a.Quote), string.Join(';', a.Readings.Select(r => r.Value)),
                string.Join(';', a.History.Select(h => $"{h.From.Iso}|{h.Until?.Iso}|{h.Value}|{h.Instrument}")),
            }))),
    ];
}
