using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Tests.Analyse;

public sealed class AnalyserTests
{
    private static readonly Spans NoSpans = Spans.Of(SourceSpan.FileOnly("test"));
    private static readonly string[] Compared = ["ict", "punjab", "sindh", "kp", "balochistan"];

    private static Source Read(string kind) =>
        new("https://example.org", kind, new DateOnly(2026, 1, 1), null, NoSpans);

    private static Answer Answered(string j, string value, string statute = "s", string section = "1") =>
        new(j, AnswerStatus.Answered, value, null, statute, section, null, [Read(SourceKinds.OfficialText)], [], null,
            [], [], null, null, NoSpans);

    private static Answer Reported(string j, string value) =>
        new(j, AnswerStatus.Reported, value, null, null, null, null, [Read(SourceKinds.News)], [], null, [], [], null,
            null, NoSpans);

    private static Answer Gap(string j) =>
        new(j, AnswerStatus.NoProvision, null, null, null, null, null, [Read(SourceKinds.Report)], [], null, [], [],
            "none", null, NoSpans);

    private static Answer Unresearched(string j) =>
        new(j, AnswerStatus.NotResearched, null, null, null, null, null, [], [], null, [], [], null, "todo", NoSpans);

    private static Topic Topic(string id, string type, string direction, string? benchmark, params Answer[] answers) =>
        new(id, id, "?", "marriage", type, type == "age" ? "years" : null, direction,
            benchmark is null ? null : new Benchmark(benchmark, "CRC", "https://example.org", null, NoSpans), null,
            null, answers, NoSpans);

    private static Institution Body(string id, string jurisdiction, string[] reach, string status,
        params string[] functions) =>
        new(id, jurisdiction, id, null, "commission", null, null, null, null,
            YamlNames.TryParse<InstitutionStatus>(status, out var known) ? known : throw new ArgumentException(status),
            reach, functions.Select(f => new Mandate(f, null, null, null, NoSpans)).ToList(), "https://example.org",
            new DateOnly(2026, 1, 1), Verification.Primary, "x", null, NoSpans);

    private static KnowledgeBaseModel Model(IReadOnlyList<Topic> topics, IReadOnlyList<Institution>? bodies = null,
        IReadOnlyList<Statute>? statutes = null)
    {
        var jurisdictions = new[] { "federal" }.Concat(Compared)
            .Select((j, i) => new Jurisdiction(j, j.ToUpperInvariant(), j == "federal" ? "federation" : "province", "x",
                [], i, NoSpans)).ToList();
        return new KnowledgeBaseModel(new SiteSettings("t", "https://example.org", ""), jurisdictions, statutes ?? [],
            bodies ?? [], topics, [],
            [new Term("complaints-inquiry", "Complaints"), new Term("helpline", "Helpline")], []);
    }

    [Fact]
    public void Should_find_non_uniform_marriage_age_with_spread_and_deviators()
    {
        // Given 16 in two jurisdictions and 18 in three
        var topic = Topic("marriage", "age", "higher-is-stronger", "18",
            Answered("ict", "18"), Answered("punjab", "16"), Answered("sindh", "18"), Answered("kp", "16"),
            Answered("balochistan", "18"));
        // When
        var kb = Model([topic]);
        var analysis = Analyser.Analyse(kb);
        // Then
        var f = Assert.Single(analysis.Findings, x => x.Kind == FindingKinds.NonUniformity);
        Assert.Equal(["punjab", "kp"], f.Jurisdictions);
        Assert.Contains("18 years in ICT, SINDH, BALOCHISTAN; 16 years in PUNJAB, KP",
            FindingText.Summary(kb, analysis, f));
        Assert.Equal("18", analysis.For("marriage").MajorityValue);
        Assert.Equal(CellState.BelowBenchmark, analysis.For("marriage").Cells["punjab"]);
        // A province meeting the benchmark reads so, whether it is in the majority or not; non-uniformity marks the row
        Assert.Equal(CellState.MeetsBenchmark, analysis.For("marriage").Cells["sindh"]);
        Assert.True(analysis.For("marriage").NonUniform);
    }

    [Fact]
    public void Should_read_a_lone_answer_that_meets_the_benchmark_as_meeting_it()
    {
        // Given the review's case: Sindh alone at 18 against four at 16
        var topic = Topic("marriage", "age", "higher-is-stronger", "18",
            Answered("ict", "16"), Answered("punjab", "16"), Answered("sindh", "18"), Answered("kp", "16"),
            Answered("balochistan", "16"));
        var cells = Analyser.Analyse(Model([topic])).For("marriage").Cells;
        Assert.Equal(CellState.MeetsBenchmark, cells["sindh"]);
        Assert.Equal(CellState.BelowBenchmark, cells["kp"]);
    }

    [Theory]
    [InlineData("0.08", "1 month")]
    [InlineData("0.5", "6 months")]
    [InlineData("1", "1 year")]
    [InlineData("3", "3 years")]
    [InlineData("2.5", "2.5 years")]
    public void Should_read_durations_in_years_naturally(string value, string shown)
    {
        var topic = Topic("penalty", "number", "higher-is-stronger", null) with { Unit = "years" };
        Assert.Equal(shown, ValueDisplay.Display(topic, value));
    }

    [Fact]
    public void Should_report_no_majority_on_a_tie()
    {
        var topic = Topic("t", "age", "higher-is-stronger", null,
            Answered("ict", "18"), Answered("punjab", "16"), Unresearched("sindh"), Unresearched("kp"),
            Unresearched("balochistan"));
        var kb = Model([topic]);
        var analysis = Analyser.Analyse(kb);
        var f = Assert.Single(analysis.Findings, x => x.Kind == FindingKinds.NonUniformity);
        Assert.Null(analysis.For("t").MajorityValue);
        Assert.Equal(["ict", "punjab"], f.Jurisdictions);
        Assert.Contains("No majority position", FindingText.Summary(kb, analysis, f));
        Assert.Equal(CellState.Answered, analysis.For("t").Cells["ict"]);
        Assert.True(analysis.For("t").NonUniform);
    }

    [Fact]
    public void Should_find_below_benchmark_with_reform_pointers_to_provisions_that_meet_it()
    {
        var topic = Topic("marriage", "age", "higher-is-stronger", "18",
            Answered("ict", "18", "ict-act", "2"), Answered("punjab", "16", "pb-act", "2(a)"),
            Answered("sindh", "18", "sd-act", "2(a)"),
            Unresearched("kp"), Unresearched("balochistan"));
        var analysis = Analyser.Analyse(Model([topic]));
        var f = Assert.Single(analysis.Findings, x => x.Kind == FindingKinds.BelowBenchmark);
        Assert.Equal(["punjab"], f.Jurisdictions);
        Assert.Equal([("ict", "ict-act", "2"), ("sindh", "sd-act", "2(a)")],
            f.Pointers.Select(p => (p.JurisdictionId, p.StatuteId, p.Section)));
    }

    [Fact]
    public void Should_treat_no_as_below_a_yes_benchmark()
    {
        var topic = Topic("cp", "yes-no", "yes-is-stronger", "yes",
            Answered("ict", "yes"), Answered("punjab", "no"), Unresearched("sindh"), Unresearched("kp"),
            Unresearched("balochistan"));
        var analysis = Analyser.Analyse(Model([topic]));
        Assert.Equal(["punjab"],
            analysis.Findings.Where(x => x.Kind == FindingKinds.BelowBenchmark).SelectMany(x => x.Jurisdictions));
    }

    [Fact]
    public void Should_find_gap_only_where_another_jurisdiction_legislates()
    {
        var legislated = Topic("a", "yes-no", "yes-is-stronger", null,
            Answered("ict", "yes"), Gap("punjab"), Unresearched("sindh"), Unresearched("kp"),
            Unresearched("balochistan"));
        var nobody = Topic("b", "yes-no", "yes-is-stronger", null,
            Gap("ict"), Gap("punjab"), Unresearched("sindh"), Unresearched("kp"), Unresearched("balochistan"));
        var analysis = Analyser.Analyse(Model([legislated, nobody]));
        var gap = Assert.Single(analysis.Findings, x => x.Kind == FindingKinds.Gap);
        Assert.Equal("gap-a-punjab", gap.Id);
        Assert.Equal(["ict"], gap.Pointers.Select(p => p.JurisdictionId));
    }

    [Fact]
    public void Should_point_a_gap_at_a_federal_law_that_applies_in_another_province()
    {
        // Punjab's answer cites the federal Penal Code, which has force there; KP has no provision.
        var topic = Topic("abuse", "yes-no", "yes-is-stronger", "yes",
            Answered("punjab", "yes", "pk-penal-code-1860", "377A"), Gap("kp"), Unresearched("ict"),
            Unresearched("sindh"), Unresearched("balochistan"));
        var gap = Assert.Single(Analyser.Analyse(Model([topic])).Findings, f => f.Kind == FindingKinds.Gap);
        Assert.Equal(["kp"], gap.Jurisdictions);
        var pointer = Assert.Single(gap.Pointers);
        Assert.Equal(("punjab", "pk-penal-code-1860", "377A"),
            (pointer.JurisdictionId, pointer.StatuteId, pointer.Section));
    }

    [Fact]
    public void Should_never_count_unresearched_cells_as_gaps()
    {
        var topic = Topic("all-unknown", "age", "higher-is-stronger", "18",
            Unresearched("ict"), Unresearched("punjab"), Unresearched("sindh"), Unresearched("kp"),
            Unresearched("balochistan"));
        var analysis = Analyser.Analyse(Model([topic]));
        Assert.Empty(analysis.Findings);
        Assert.All(analysis.For("all-unknown").Cells.Values, s => Assert.Equal(CellState.NotResearched, s));
        Assert.Equal(5, analysis.CoverageByTopic["all-unknown"].NotResearched);
    }

    [Fact]
    public void Should_not_report_non_uniformity_for_a_single_answered_jurisdiction()
    {
        var topic = Topic("one", "age", "higher-is-stronger", null,
            Answered("ict", "18"), Unresearched("punjab"), Unresearched("sindh"), Unresearched("kp"),
            Unresearched("balochistan"));
        var analysis = Analyser.Analyse(Model([topic]));
        Assert.DoesNotContain(analysis.Findings, f => f.Kind == FindingKinds.NonUniformity);
        Assert.Equal(CellState.Answered, analysis.For("one").Cells["ict"]);
        Assert.False(analysis.For("one").NonUniform);
    }

    [Fact]
    public void Should_find_overlap_of_federal_body_reaching_a_province_beside_its_own_body()
    {
        var federal = Body("ncrc", "federal", ["ict", "punjab", "sindh", "kp", "balochistan"], "operational",
            "complaints-inquiry");
        var provincial = Body("kp-cpwc", "kp", ["kp"], "operational", "complaints-inquiry", "helpline");
        var abolished = Body("old", "kp", ["kp"], "abolished", "complaints-inquiry");
        var kb = Model([], [federal, provincial, abolished]);
        var analysis = Analyser.Analyse(kb);
        var f = Assert.Single(analysis.Findings, x => x.Kind == FindingKinds.Overlap);
        Assert.Equal("overlap-complaints-inquiry-kp", f.Id);
        Assert.Equal(["institution:ncrc", "institution:kp-cpwc"], f.Evidence.Select(e => e.ToString()));
        Assert.Contains("federal and provincial bodies", FindingText.Summary(kb, analysis, f));
    }

    [Fact]
    public void Should_name_a_handful_of_overlapping_bodies_and_count_the_rest_while_evidence_lists_all()
    {
        // Given twelve bodies holding the same mandate in Sindh
        var bodies = Enumerable.Range(1, 12)
            .Select(i => Body($"b{i:D2}", "sindh", ["sindh"], "operational", "helpline")).ToList();
        var kb = Model([], bodies);
        var analysis = Analyser.Analyse(kb);
        var f = Assert.Single(analysis.Findings, x => x.Kind == FindingKinds.Overlap);
        Assert.Equal(12, f.Evidence.Count);
        Assert.EndsWith($"b{Analyser.MaxNamed:D2} and {12 - Analyser.MaxNamed} more.",
            FindingText.Summary(kb, analysis, f));
        Assert.DoesNotContain($"b{Analyser.MaxNamed + 1:D2}", FindingText.Summary(kb, analysis, f));
        // and the lookups a page uses agree with the finding
        Assert.Equal([f], analysis.OverlapsOf("b12"));
        Assert.True(analysis.Overlaps("b03", "helpline"));
        Assert.False(analysis.Overlaps("b03", "complaints-inquiry"));
    }

    [Fact]
    public void Should_not_count_a_bodys_own_unit_as_an_overlap()
    {
        var bureau = Body("bureau", "punjab", ["punjab"], "operational", "helpline")
            with { Name = "Child Protection and Welfare Bureau" };
        var line = Body("line-1121", "punjab", ["punjab"], "operational", "helpline")
            with { Kind = "helpline", Parent = "Child Protection and Welfare Bureau, Punjab" };
        var ministry = Body("mohr", "federal", ["punjab"], "operational", "complaints-inquiry")
            with { Name = "Ministry of Human Rights" };
        var commission = Body("ncrc", "federal", ["punjab"], "operational", "complaints-inquiry")
            with { Parent = "Ministry of Human Rights" };
        var findings = Analyser.Analyse(Model([], [bureau, line, ministry, commission])).Findings;
        // The helpline is the bureau's arm; a statutory commission attached to a ministry still overlaps with it.
        Assert.Equal(["overlap-complaints-inquiry-punjab"],
            findings.Where(f => f.Kind == FindingKinds.Overlap).Select(f => f.Id));
    }

    [Fact]
    public void Should_find_statutes_without_rules_and_bodies_not_constituted()
    {
        var statute = new Statute("act", "kp", "Act", null, 2010, null, StatuteStatus.InForce, ["kp"],
            ["child-protection"], RulesState.No, null, null, null, [], null, [], [],
            "https://example.org", new DateOnly(2026, 1, 1), Verification.Primary, "x", null, [], NoSpans);
        var repealed = statute with { Id = "old-act", Status = StatuteStatus.Repealed };
        var body = Body("board", "kp", ["kp"], "not-constituted", "helpline");
        var analysis = Analyser.Analyse(Model([], [body], [statute, repealed]));
        Assert.Equal(["missing-rules-act"],
            analysis.Findings.Where(f => f.Kind == FindingKinds.MissingRules).Select(f => f.Id));
        Assert.Equal(["not-constituted-board"],
            analysis.Findings.Where(f => f.Kind == FindingKinds.NotConstituted).Select(f => f.Id));
        Assert.Equal(new KnownCount(1, 0), analysis.RulesMissing);
    }

    [Fact]
    public void Should_count_unknown_rules_beside_missing_ones()
    {
        // Given one statute without rules and two whose rules status nobody has established
        var statute = new Statute("act", "kp", "Act", null, 2010, null, StatuteStatus.InForce, ["kp"],
            ["child-protection"], RulesState.No, null, null, null, [], null, [], [],
            "https://example.org", new DateOnly(2026, 1, 1), Verification.Primary, "x", null, [], NoSpans);
        var unknown = statute with { Id = "b", RulesNotified = RulesState.Unknown };
        var analysis = Analyser.Analyse(Model([], [Body("x", "kp", ["kp"], "unknown", "helpline")],
            [statute, unknown, unknown with { Id = "c" }]));
        // Then the count carries its unknowns, so it is never a misleading zero
        Assert.Equal(new KnownCount(1, 2), analysis.RulesMissing);
        Assert.Equal(new KnownCount(0, 1), analysis.BodiesNotConstituted);
    }

    [Fact]
    public void Should_count_coverage_by_status_and_verification()
    {
        var topic = Topic("t", "age", "higher-is-stronger", null,
            Answered("ict", "18"), Gap("punjab"), Unresearched("sindh"), Unresearched("kp"),
            Answered("balochistan", "18"));
        var c = Analyser.Analyse(Model([topic])).Coverage;
        Assert.Equal((2, 1, 2, 2, 1, 0),
            (c.Answered, c.NoProvision, c.NotResearched, c.Primary, c.Secondary, c.Unverified));
    }

    [Fact]
    public void Should_count_reported_answers_apart_and_derive_their_verification()
    {
        // Given a value read in the text and the same value only reported
        var topic = Topic("t", "age", "higher-is-stronger", "18",
            Answered("ict", "18"), Reported("punjab", "18"), Gap("sindh"), Unresearched("kp"),
            Answered("balochistan", "16"));
        var analysis = Analyser.Analyse(Model([topic]));
        var c = analysis.Coverage;
        // Then reported is its own count, secondary, and never "not researched"; it still takes part in the comparison
        Assert.Equal((2, 1, 0, 1, 1), (c.Answered, c.Reported, c.Disputed, c.NoProvision, c.NotResearched));
        Assert.Equal((2, 2), (c.Primary, c.Secondary));
        Assert.Equal(Verification.Secondary, topic.AnswerFor("punjab")!.Verification);
        Assert.Equal(CellState.MeetsBenchmark, analysis.For("t").Cells["punjab"]);
        Assert.Equal(CellState.BelowBenchmark, analysis.For("t").Cells["balochistan"]);
    }
}
