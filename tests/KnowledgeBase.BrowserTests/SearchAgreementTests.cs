using System.Text.Json;
using KnowledgeBase.Generator;
using KnowledgeBase.Search;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests;

/// <summary>
/// The CLI (Lucene) and the static page (exported index in Chromium) must give the same answers:
/// same words from the same text, the same top-10 lists, and the same typo tolerance.
/// </summary>
public sealed class SearchAgreementTests(SiteFixture site)
{
    private static readonly Lazy<SearchIndex> Lucene = new(() =>
        Pipeline.IndexRecords(Pipeline.Check(Path.Combine(SiteFixture.Repo, "content"),
            DateOnly.FromDateTime(DateTime.UtcNow)).Model));

    public static readonly string[] Queries =
    [
        "marriage age", "child marriage penalty", "minimum age of employment", "hazardous work", "domestic workers",
        "brick kiln", "corporal punishment schools", "juvenile justice", "s.13 identity juvenile", "377A",
        "child pornography", "trafficking", "begging", "child protection commission", "Peshawar child rights body",
        "Lahore bureau", "Karachi authority", "Quetta commission", "KPK", "NWFP", "ZARRA missing children",
        "birth registration", "helpline 1121", "criminal responsibility age", "compulsory education 25-A", "NCRC",
        "ministry of human rights", "s.22 electronic crimes minors", "is domestic work by children legal in Lahore",
        "rules notified", "child protection units district", "Islamabad domestic workers",
        "Sindh child marriages restraint",
        "بچوں کی شادی", "بچوں كي شادي", "kam umri ki shadi",
        "جسمانی سزا اسکول", "پولیس", "bheek",
    ];

    /// <summary>Text → surface words: the browser must split and normalise exactly as Lucene's analyzer.</summary>
    public static readonly string[] NormalisationFixture =
    [
        "Section 377A of the PPC", "s.13 of the JJSA, 2018", "Article 25-A of the Constitution",
        "s. 22(1)(a) electronic crimes",
        "The child's rights and children’s welfare", "KP's commission", "0.5 years or Rs. 50,000",
        "e.g. minors under 16",
        "Khyber-Pakhtunkhwa NWFP", "sec.22-A and ss. 4", "title:abc a.1 1,2;3 U.S.A. don't", "Ünïcode façade naïve",
        "Is DOMESTIC work by children legal in Lahore?", "art.25-A", "5(1)(d) and 2(a)",
        "بچّوں كي شادي", "كم عمري ـ شادى",
        "آباد أحمد إسلام ة", "section 22 کی سزا",
    ];

    /// <summary>Urdu and Roman-Urdu queries, and the English record each must find in the top five.</summary>
    public static readonly (string Query, string Expected)[] Urdu =
    [
        ("بچوں کی شادی", "topic:marriage-minimum-age-girls"),
        ("بچوں كي شادي", "topic:marriage-minimum-age-girls"),
        ("kam umri ki shadi", "topic:child-marriage-penalty"),
        ("جسمانی سزا اسکول", "topic:corporal-punishment-schools-prohibited"),
        ("پولیس", "topic:child-centred-policing-guidance"),
        ("bheek", "topic:child-begging-offence"),
        ("اغوا", "topic:kidnapping-guardianship-age-girls"),
        ("گھریلو ملازم", "statute:punjab-domestic-workers-act-2019"),
        ("پیدائش کا اندراج", "topic:birth-registration-law"),
        ("بھٹہ", "topic:brick-kiln-child-labour-prohibited"),
        ("نابالغ", "topic:juvenile-courts-required"),
    ];

    public static readonly (string Query, string Expected)[] Typos =
    [
        ("trafiking", "topic:child-trafficking-offence"),
        ("sindth child protection authority", "institution:sindh-scpa"),
        ("corporeal punishmnet schools", "topic:corporal-punishment-schools-prohibited"),
        ("juvenle justice act", "statute:pk-juvenile-justice-system-act-2018"),
        ("mariage age girls", "topic:marriage-minimum-age-girls"),
        ("begginng", "topic:child-begging-offence"),
        ("pornografy", "topic:child-pornography-offence"),
        ("brick kilm", "topic:brick-kiln-child-labour-prohibited"),
        ("birth registraton", "topic:birth-registration-law"),
        ("balochistn commission", "institution:balochistan-child-protection-commission"),
        ("criminal responsability", "topic:criminal-responsibility-minimum-age"),
        ("domestik work", "topic:domestic-work-minimum-age"),
        ("zainab alrt", "institution:pk-zarra"),
        ("natonal commission rights child", "institution:pk-ncrc"),
        ("compulsary education", "topic:compulsory-education-ages"),
        ("hazardus work", "topic:hazardous-work-minimum-age"),
        ("minimum age of employmnet", "topic:employment-minimum-age"),
        ("human rigths ministry", "institution:pk-mohr"),
        ("helpine punjab", "institution:punjab-child-helpline-1121"),
        ("child protecton units", "topic:child-protection-units"),
    ];

    private async Task<IPage> SearchPageAsync()
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "search/");
        await page.EvaluateAsync("() => window.kbSearch.load()");
        await page.WaitForFunctionAsync("() => window.kbSearch && window.kbSearch.engine !== null");
        return page;
    }

    private static Task<string[]> BrowserTop(IPage page, string query, int k) =>
        page.EvaluateAsync<string[]>("async ([q, k]) => (await window.kbSearch.search(q)).slice(0, k)",
            new object[] { query, k });

    private static string[] LuceneTop(string query, int k) =>
        Lucene.Value.Search(new SearchRequest(query, Limit: k)).Hits.Select(h => h.Id).ToArray();

    [Fact]
    public async Task Should_normalise_text_exactly_as_the_lucene_analyzer()
    {
        var page = await SearchPageAsync();
        using var analyzer = new KbAnalyzer(surface: true);
        foreach (var text in NormalisationFixture)
        {
            var browser = await page.EvaluateAsync<string[]>("t => window.kbSearch.tokens(t)", text);
            Assert.Equal(analyzer.Tokens(text), browser);
        }
    }

    [Fact]
    public async Task Should_plan_queries_as_lucene_does()
    {
        var page = await SearchPageAsync();
        foreach (var q in Queries.Concat(Typos.Select(t => t.Query)))
        {
            var plan = Lucene.Value.Plan(q);
            var browser = await page.EvaluateAsync<JsonElement>(
                "async q => { const p = await window.kbSearch.plan(q); " +
                "return { words: p.words, correction: p.correction, terms: Array.from(p.weights.entries()) }; }", q);
            Assert.Equal(plan.Words, browser.GetProperty("words").EnumerateArray().Select(e => e.GetString()!));
            Assert.Equal(plan.Correction, browser.GetProperty("correction").ValueKind == JsonValueKind.Null ? null
                : browser.GetProperty("correction").GetString());
            var terms = browser.GetProperty("terms").EnumerateArray()
                .ToDictionary(e => e[0].GetString()!, e => e[1].GetSingle());
            Assert.Equal(plan.TermWeights.OrderBy(t => t.Key, StringComparer.Ordinal),
                terms.OrderBy(t => t.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Should_agree_with_the_cli_on_top_ten_results()
    {
        var page = await SearchPageAsync();
        var overlaps = new List<double>();
        var report = new List<string>();
        foreach (var q in Queries)
        {
            var cli = LuceneTop(q, 10);
            var browser = await BrowserTop(page, q, 10);
            var overlap = cli.Length == 0 && browser.Length == 0 ? 1.0
                : cli.Intersect(browser).Count() / (double)Math.Max(cli.Length, browser.Length);
            overlaps.Add(overlap);
            report.Add($"{overlap:F2} {q}");
        }
        var mean = overlaps.Average();
        TestContext.Current.SendDiagnosticMessage(
            $"search agreement: mean top-10 overlap {mean:F3} over {overlaps.Count} queries (min {overlaps.Min():F2})");
        Assert.True(mean >= 0.9, $"mean top-10 overlap {mean:F3} < 0.9\n{string.Join('\n', report)}");
        Assert.True(overlaps.Min() >= 0.7, string.Join('\n', report));
    }

    [Fact]
    public async Task Should_give_the_same_results_from_a_sharded_index_loading_only_the_shards_it_needs()
    {
        // Given the same content built with the smallest postings shards (one-byte target: as many as allowed)
        var port = SiteFixture.FreePort();
        var dir = Path.Combine(site.Root, "_site_sharded");
        var server = new KnowledgeBase.Generator.Serve.DevServer(Path.Combine(SiteFixture.Repo, "content"), dir,
            "127.0.0.1", port,
            TextWriter.Null, TextWriter.Null, new BuildOptions(SearchShardBytes: 1));
        Assert.True(await server.StartAsync(TestContext.Current.CancellationToken, watch: false));
        try
        {
            var shards = Directory.EnumerateFiles(Path.Combine(dir, "search"), "postings-*.json").Count();
            Assert.True(shards >= 2, $"{shards} shards");
            var unsharded = await SearchPageAsync();
            var (page, problems) = await site.NewPageAsync();
            await page.GotoAsync(server.Address + "/search/");
            await page.EvaluateAsync("() => window.kbSearch.load()");
        await page.WaitForFunctionAsync("() => window.kbSearch && window.kbSearch.engine !== null");
            // When one query runs, Then only the shards its terms fall in are fetched
            Assert.Equal(await BrowserTop(unsharded, "begging", 10), await BrowserTop(page, "begging", 10));
            var needed = Lucene.Value.Plan("begging").TermWeights.Keys
                .Select(t => BrowserIndex.Hash(t) % (uint)shards).Distinct().Count();
            Assert.Equal(needed, await page.EvaluateAsync<int>("() => window.kbSearch.shards()"));
            Assert.True(needed < shards);
            // And of the vocabulary only the length of its one known word ("begging", 7 letters)
            Assert.Equal(["vocab-7.json"], (await page.EvaluateAsync<string[]>("() => window.kbSearch.fetched()"))
                .Where(f => f.StartsWith("vocab-", StringComparison.Ordinal)));
            // While a word it does not know ("beging", 6 letters, two edits allowed) loads every length a correction
            // can have
            await BrowserTop(page, "beging", 10);
            Assert.Equal(new[] { 4, 5, 6, 7, 8 }.Select(n => $"vocab-{n}.json").Order(StringComparer.Ordinal),
                (await page.EvaluateAsync<string[]>("() => window.kbSearch.fetched()"))
                    .Where(f => f.StartsWith("vocab-", StringComparison.Ordinal)));
            // And every query gives what the unsharded index gives
            foreach (var q in Queries)
                Assert.Equal(await BrowserTop(unsharded, q, 10), await BrowserTop(page, q, 10));
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task Should_find_the_right_record_despite_one_typo_in_cli_and_browser()
    {
        var page = await SearchPageAsync();
        int cliFound = 0, browserFound = 0;
        var misses = new List<string>();
        foreach (var (query, expected) in Typos)
        {
            Assert.NotNull(Lucene.Value.Documents.FirstOrDefault(d => d.Id == expected));
            if (LuceneTop(query, 5).Contains(expected)) cliFound++; else misses.Add($"cli: {query} → {expected}");
            if ((await BrowserTop(page, query, 5)).Contains(expected)) browserFound++;
            else misses.Add($"browser: {query} → {expected}");
        }
        var n = Typos.Length;
        TestContext.Current.SendDiagnosticMessage(
            $"typos: right record in top 5 for {cliFound}/{n} in the CLI, {browserFound}/{n} in the browser");
        Assert.True(cliFound >= 0.9 * n && browserFound >= 0.9 * n,
            $"cli {cliFound}/{n}, browser {browserFound}/{n}\n{string.Join('\n', misses)}");
    }

    [Fact]
    public async Task Should_find_english_records_from_urdu_and_roman_urdu_queries_in_cli_and_browser()
    {
        var page = await SearchPageAsync();
        var misses = new List<string>();
        foreach (var (query, expected) in Urdu)
        {
            Assert.NotNull(Lucene.Value.Documents.FirstOrDefault(d => d.Id == expected));
            if (!LuceneTop(query, 5).Contains(expected)) misses.Add($"cli: {query} → {expected}");
            if (!(await BrowserTop(page, query, 5)).Contains(expected)) misses.Add($"browser: {query} → {expected}");
        }
        Assert.True(misses.Count == 0, string.Join('\n', misses));
        // Typed into the page, an Urdu query shows English results with the matching English words marked
        await page.GotoAsync(site.BaseUrl + "search/?q=" + Uri.EscapeDataString("بچوں کی شادی"));
        await page.Locator("#results li a.hit").First.WaitForAsync();
        var marks = await page.Locator("#results mark").AllTextContentsAsync();
        Assert.Contains(marks, m => m.StartsWith("marriage", StringComparison.OrdinalIgnoreCase));
    }
}
