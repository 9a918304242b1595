using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// The public data contracts under data/. Column names and order are fixed: other people's
/// scripts read these files, so columns may be added at the end but never renamed or removed.
/// </summary>
internal static class DataExport
{
    /// <summary>The columns of answers.csv, as the data dictionary documents them (one source of truth).</summary>
    public static string[] AnswerColumns => Columns("answers.csv");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <summary>Every download with its columns (<see cref="Kinds.Downloads.Files"/>).</summary>
    public static IReadOnlyList<DataFile> Files => Kinds.Downloads.Files;

    public static void AddTo(SortedDictionary<string, byte[]> site, KnowledgeBaseModel kb, Analysis analysis)
    {
        foreach (var export in Kinds.RecordKinds.Every.SelectMany(k => k.Exports))
            site["data/" + export.File.Name] =
                Csv(export.File.Columns.Select(c => c.Name).ToList(), export.Rows(kb, analysis));
        site["data/kb.json"] = KbJson(kb);
        site["data/datapackage.json"] = DataPackage(kb);
        site["data/findings.json"] = Encode(analysis.Findings.Select(f => new
        {
            id = f.Id, kind = f.Kind, topic = f.TopicId, theme = f.Theme, jurisdictions = f.Jurisdictions,
            summary = FindingText.Summary(kb, analysis, f), evidence = f.Evidence.Select(e => e.ToString()),
            reform_pointers = f.Pointers.Select(p =>
                new { jurisdiction = p.JurisdictionId, value = p.Value, statute = p.StatuteId, section = p.Section }),
        }));
        site["data/findings.csv"] = Csv(Columns("findings.csv"),
            analysis.Findings.Select(f => new[]
            {
                f.Id, f.Kind, f.TopicId, f.Theme, string.Join(';', f.Jurisdictions),
                FindingText.Summary(kb, analysis, f), string.Join(';', f.Evidence.Select(e => e.ToString()))
            }));
    }

    /// <summary>The type of a column in the data package: numbers and dates typed, everything else text.</summary>
    private static string TypeOf(string column) => column switch
    {
        "year" or "established" or "source_count" => "integer",
        "checked_on" => "date",
        _ => "string",
    };

    /// <summary>
    /// A Frictionless Data package descriptor (datapackage.json) for the CSV files, from the same column definitions.
    /// </summary>
    private static byte[] DataPackage(KnowledgeBaseModel kb) => Encode(new Dictionary<string, object?>
    {
        ["profile"] = "tabular-data-package",
        ["name"] = "pakistan-child-protection-law",
        ["title"] = kb.Site.Title,
        ["description"] = kb.Site.Description,
        ["version"] = kb.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["homepage"] = kb.Site.BaseUrl + "/",
        ["resources"] = Files.Where(f => f.Name.EndsWith(".csv", StringComparison.Ordinal))
            .Select(f => new Dictionary<string, object?>
        {
            ["name"] = Path.GetFileNameWithoutExtension(f.Name),
            ["path"] = f.Name,
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["description"] = f.Description,
            ["schema"] = new Dictionary<string, object?>
            {
                ["fields"] = f.Columns.Select(c => new Dictionary<string, object?>
                {
                    ["name"] = c.Name, ["type"] = c.Type != "string" ? c.Type : TypeOf(c.Name),
                    ["description"] = c.Meaning,
                }).ToList(),
            },
        }).ToList(),
    });

    private static string[] Columns(string file) =>
        Files.First(f => f.Name == file).Columns.Select(c => c.Name).ToArray();

    internal static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    internal static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] KbJson(KnowledgeBaseModel kb) => Encode(new
    {
        site = new { title = kb.Site.Title, base_url = kb.Site.BaseUrl, as_of = D(kb.AsOf) },
        jurisdictions = kb.Jurisdictions.Select(j =>
            new { id = j.Id, name = j.Name, kind = j.Kind, seat = j.Seat, aliases = j.Aliases }),
        statutes = kb.Statutes.Select(s => new
        {
            id = s.Id, jurisdiction = s.JurisdictionId, title = s.Title, short_title = s.ShortTitle, year = s.Year,
            act_number = s.ActNumber, status = YamlNames.Of(s.Status), applies_to = s.AppliesTo, themes = s.Themes,
            rules_notified = YamlNames.Of(s.RulesNotified), rules_note = s.RulesNote,
            rules_notified_on = s.RulesNotifiedOn?.Iso, rules_as_of = s.RulesAsOf is { } ra ? D(ra) : null,
            rules_sources = Sources(s.RulesSources),
            ordinance = s.Ordinance is { } o ? new
            {
                promulgated = D(o.Promulgated), extended_until = o.ExtendedUntil is { } e ? D(e) : null,
                replaced_by = o.ReplacedBy,
                lapsed_on = o.LapsedOn is { } l ? D(l) : null, may_have_lapsed = s.MayHaveLapsed(kb.AsOf),
            } : null,
            amends = s.Amends, repeals = s.Repeals, source_url = s.SourceUrl, checked_on = D(s.CheckedOn),
            verification = YamlNames.Of(s.Verification),
            summary = s.Summary, notes = s.Notes, url = SiteUrls.Statute(s.Id),
            sections = s.Sections.Select(x =>
                new { number = x.Number, heading = x.Heading, summary = x.Summary, anchor = x.Anchor }),
        }),
        institutions = kb.Institutions.Select(i => new
        {
            id = i.Id, jurisdiction = i.JurisdictionId, name = i.Name, acronym = i.Acronym, kind = i.Kind,
            established = i.Established, statute = i.StatuteId, statute_section = i.StatuteSection, parent = i.Parent,
            status = YamlNames.Of(i.Status), reach = i.Reach,
            mandates = i.Mandates.Select(m =>
                new { function = m.Function, section = m.Section, statute = m.StatuteId, note = m.Note }),
            source_url = i.SourceUrl, checked_on = D(i.CheckedOn), verification = YamlNames.Of(i.Verification),
            summary = i.Summary, notes = i.Notes,
            url = SiteUrls.Institution(i.Id),
        }),
        topics = kb.Topics.Select(t => new
        {
            id = t.Id, title = t.Title, question = t.Question, theme = t.Theme, answer_type = t.AnswerType,
            unit = t.Unit, direction = t.Direction,
            coding = t.Coding is null ? null : new
            {
                value = t.Coding.Value, no_provision = t.Coding.NoProvision, defences = t.Coding.Defences,
                instruments = t.Coding.Instruments, sectoral = t.Coding.Sectoral,
            },
            benchmark = t.Benchmark is null ? null : new
            {
                value = t.Benchmark.Value, instrument = t.Benchmark.Instrument, source_url = t.Benchmark.SourceUrl,
                note = t.Benchmark.Note
            },
            url = SiteUrls.Topic(t.Id),
            answers = t.Answers.Select(a => new
            {
                jurisdiction = a.JurisdictionId, status = a.Status, value = a.Value, statute = a.StatuteId,
                section = a.Section, source_url = a.SourceUrl, checked_on = a.CheckedOn is { } d ? D(d) : null,
                verification = YamlNames.Of(a.Verification), institutions = a.Institutions, note = a.Note,
                qualifier = a.Qualifier, quote = a.Quote, read_in = a.ReadIn,
                sources = Sources(a.Sources),
                readings = a.Readings.Select(r => new
                {
                    value = r.Value, statute = r.StatuteId, section = r.Section, note = r.Note,
                    sources = Sources(r.Sources)
                }),
                follows = a.Follows,
                history = a.History.Select(h => new
                {
                    value = h.Value, from = h.From.Iso, until = h.Until?.Iso, instrument = h.Instrument,
                    title = h.Title,
                    statute = h.StatuteId, section = h.Section, note = h.Note, sources = Sources(h.Sources),
                }),
                research = a.Research,
            }),
        }),
        articles = kb.Articles.Select(a => new
        {
            id = a.Id, title = a.Title, summary = a.Summary, themes = a.Themes, checked_on = D(a.CheckedOn),
            sources = a.Sources.Select(s => new { title = s.Title, url = s.Url }), url = SiteUrls.Article(a.Id),
        }),
    });

    private static IEnumerable<object> Sources(IReadOnlyList<Source> sources) =>
        sources.Select(s => new { url = s.Url, kind = s.Kind, read_on = D(s.ReadOn), title = s.Title });

    private static byte[] Encode<T>(T value) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Json).Replace("\r\n", "\n") + "\n");

    internal static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header.Select(Quote))).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(',', row.Select(v => Quote(v ?? "")))).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Text on one line, so each answer stays one line of the file for line-based tools.</summary>
    internal static string? OneLine(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsPlainNumber(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out _);

    private static string Quote(string value)
    {
        // KB: neutralise spreadsheet formula injection from content: a cell starting with "=", "+", "-", "@",
        // a tab or a carriage return gets a leading apostrophe, unless it is a plain number ("-5", "+3.5").
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(value))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
