using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Generator.Serve;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Cli;

public enum ExitCode
{
    Success = 0,
    ContentErrors = 1,
    Usage = 2,
    Failure = 3,
}

/// <summary>The `kb` command line: build, check, search, serve.</summary>
public static class KbCommand
{
    private const string Usage = """
        kb — Pakistan child protection law knowledge base

        Usage:
          kb build  [--content DIR] [--output DIR]     validate, then write the site (default content/ → _site/)
          kb check  [--content DIR]                    validate only; exit 1 on any error
          kb search QUERY [--content DIR] [--jurisdiction ID] [--kind KIND] [--theme ID] [--year YYYY]
                          [--limit N] [--json [--facets]]
                                                       search the records with Lucene.Net
          kb serve  [--content DIR] [--output DIR] [--port N] [--host ADDR]
                                                       build, serve on 127.0.0.1 and rebuild on change
          kb synth  --statutes N --out DIR [--seed S]  write a synthetic, schema-valid corpus (deterministic per seed)
          kb bench  build|search [--sizes 1000,10000] [--runs 3] [--seed S]
                                                       benchmarks, each against a baseline measured in the same run
          kb help                                      this text

        Exit codes: 0 success, 1 content errors, 2 usage error, 3 unexpected failure.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            {
                stdout.WriteLine(Usage);
                return (int)(args.Length == 0 ? ExitCode.Usage : ExitCode.Success);
            }
            var options = Options.Parse(args.Skip(1).ToArray());
            if (options.Error is not null) return UsageError(stderr, options.Error);
            return args[0] switch
            {
                "build" => Build(options, stdout, stderr),
                "check" => Check(options, stdout, stderr),
                "search" => Search(options, stdout, stderr),
                "serve" => await ServeAsync(options, stdout, stderr, cancel),
                "synth" => SynthCommand(options, stdout, stderr),
                "bench" => BenchCommand(options, stdout, stderr),
                "bench-run" when options.Positional.Count == 3 => Bench.Benchmarks.Run(options.Positional[0], options.Positional[1], options.Positional[2], stdout),
                _ => UsageError(stderr, $"unknown command '{args[0]}'"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stderr.WriteLine($"kb: unexpected failure: {e.Message}");
            stderr.WriteLine(e.StackTrace);
            return (int)ExitCode.Failure;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"kb: {message}");
        stderr.WriteLine("Run 'kb help' for usage.");
        return (int)ExitCode.Usage;
    }

    internal static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    private static void Report(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var d in diagnostics) stderr.WriteLine(d);
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0) stderr.WriteLine($"{errors} error(s), {warnings} warning(s)");
    }

    private static int Check(Options o, TextWriter stdout, TextWriter stderr)
    {
        var result = Pipeline.Check(o.Content, Today());
        Report(result.Diagnostics, stderr);
        if (result.HasErrors) return (int)ExitCode.ContentErrors;
        var m = result.Model;
        stdout.WriteLine($"ok: {m.Jurisdictions.Count} jurisdictions, {m.Statutes.Count} statutes, {m.Institutions.Count} bodies, " +
                         $"{m.Topics.Count} topics, {m.Topics.Sum(t => t.Answers.Count)} answers, {m.Articles.Count} articles");
        var c = Analyse.CoverageCount.Of(m.Topics.SelectMany(t => t.Answers));
        stdout.WriteLine($"answers: {c.Answered} answered, {c.Reported} reported, {c.Disputed} disputed, {c.NoProvision} no provision, {c.NotResearched} not researched; " +
                         $"verification: {c.Primary} primary, {c.Secondary} secondary, {c.Unverified} unverified " +
                         $"({(c.Total == 0 ? 0 : 100 * (c.Primary + c.Secondary) / c.Total)}% of answers primary or secondary)");
        return (int)ExitCode.Success;
    }

    private static int Build(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (OutputGuard.Refusal(o.Output, o.Content) is { } refusal) return UsageError(stderr, refusal);
        var clock = Stopwatch.StartNew();
        var result = Pipeline.Build(o.Content, Today());
        Report(result.Check.Diagnostics, stderr);
        if (result.Site is null)
        {
            stderr.WriteLine($"build failed: nothing written; '{o.Output}' is unchanged");
            return (int)ExitCode.ContentErrors;
        }
        var bytes = SiteWriter.Write(result.Site, o.Output, o.Content);
        var m = result.Check.Model;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built {o.Output}: {m.Statutes.Count + m.Institutions.Count + m.Topics.Count + m.Articles.Count} records, {result.PageCount} pages, " +
            $"{result.Site.Count} files, {bytes / 1024.0:F0} KiB, {result.Analysis!.Findings.Count} findings in {clock.Elapsed.TotalSeconds:F1} s"));
        return (int)ExitCode.Success;
    }

    private static int Search(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Positional.Count == 0) return UsageError(stderr, "search needs a query, e.g. kb search \"marriage age\"");
        var query = string.Join(' ', o.Positional);
        if (query.Length > SearchIndex.MaxQueryLength) return UsageError(stderr, $"query is longer than {SearchIndex.MaxQueryLength} characters");
        var check = Pipeline.Check(o.Content, Today());
        if (check.HasErrors)
        {
            Report(check.Diagnostics, stderr);
            return (int)ExitCode.ContentErrors;
        }
        using var index = Pipeline.IndexRecords(check.Model);
        var results = index.Search(new SearchRequest(query, o.FilterValues, o.Limit));
        if (o.Json)
        {
            stdout.WriteLine(SearchJson.Serialize(results, withFacets: o.Facets));
            return (int)ExitCode.Success;
        }
        if (results.DidYouMean is not null) stdout.WriteLine($"(searched for: {results.DidYouMean})");
        stdout.WriteLine($"{results.Total} result(s) for \"{query}\"");
        var rank = 0;
        foreach (var hit in results.Hits)
        {
            var j = hit.Facets.GetValueOrDefault("jurisdiction")?.FirstOrDefault() ?? "-";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{++rank,2}. [{hit.Kind}, {j}] {hit.Title}  ({hit.Score:F2})"));
            stdout.WriteLine($"    {hit.Url}");
            stdout.WriteLine($"    {SearchJson.PlainSnippet(hit.Snippet)}");
        }
        return (int)ExitCode.Success;
    }

    private static int SynthCommand(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Statutes is null || o.Out is null) return UsageError(stderr, "synth needs --statutes N and --out DIR");
        var (files, bytes) = Bench.Synth.Write(o.Out, o.Statutes.Value, o.Seed, o.Content);
        stdout.WriteLine($"wrote {files:N0} files ({bytes / 1024:N0} KiB) to {o.Out} (seed {o.Seed})");
        return (int)ExitCode.Success;
    }

    private static int BenchCommand(Options o, TextWriter stdout, TextWriter stderr)
    {
        var what = o.Positional.FirstOrDefault() ?? "build";
        return what switch
        {
            "build" => Bench.Benchmarks.Build(o.Sizes ?? [1000, 10000], o.Runs, o.Seed, o.Content, stdout),
            "search" => Bench.Benchmarks.Search(o.Sizes ?? [1000, 10000, 100000], o.Seed, stdout),
            _ => UsageError(stderr, $"bench takes 'build' or 'search', not '{what}'"),
        };
    }

    private static async Task<int> ServeAsync(Options o, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (OutputGuard.Refusal(o.Output, o.Content) is { } refusal) return UsageError(stderr, refusal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var server = new DevServer(o.Content, o.Output, o.Host, o.Port, stdout, stderr);
        return await server.RunAsync(stop.Token);
    }
}

/// <summary>Command-line options, parsed by hand: few enough that a library would hide more than it helps.</summary>
internal sealed class Options
{
    public string Content { get; private set; } = "content";
    public string Output { get; private set; } = "_site";
    public string Host { get; private set; } = "127.0.0.1";
    public int Port { get; private set; } = 8080;
    public int Limit { get; private set; } = 10;
    public bool Json { get; private set; }
    public int? Statutes { get; private set; }
    public string? Out { get; private set; }
    public int Seed { get; private set; } = 1;
    public int Runs { get; private set; } = 3;
    public IReadOnlyList<int>? Sizes { get; private set; }
    public bool Facets { get; private set; }
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> FilterValues { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string Next()
            {
                if (i + 1 >= args.Length) throw new FormatException($"option '{a}' needs a value");
                return args[++i];
            }
            try
            {
                switch (a)
                {
                    case "--content": o.Content = Next(); break;
                    case "--output": o.Output = Next(); break;
                    case "--host": o.Host = Next(); break;
                    case "--port": o.Port = Int(Next(), a, 1, 65535); break;
                    case "--limit": o.Limit = Int(Next(), a, 1, 1000); break;
                    case "--json": o.Json = true; break;
                    case "--statutes": o.Statutes = Int(Next(), a, 1, 1_000_000); break;
                    case "--out": o.Out = Next(); break;
                    case "--seed": o.Seed = Int(Next(), a, 0, int.MaxValue); break;
                    case "--runs": o.Runs = Int(Next(), a, 1, 50); break;
                    case "--sizes": o.Sizes = Next().Split(',').Select(x => Int(x, a, 1, 1_000_000)).ToList(); break;
                    case "--facets": o.Facets = true; break;
                    case "--jurisdiction": o.FilterValues["jurisdiction"] = Next(); break;
                    case "--kind": o.FilterValues["kind"] = Next(); break;
                    case "--theme": o.FilterValues["theme"] = Next(); break;
                    case "--year": o.FilterValues["year"] = Int(Next(), a, 1800, 2100).ToString(CultureInfo.InvariantCulture); break;
                    case "--":
                        o.Positional.AddRange(args[(i + 1)..]);
                        i = args.Length;
                        break;
                    default:
                        if (a.StartsWith("--", StringComparison.Ordinal)) throw new FormatException($"unknown option '{a}'");
                        o.Positional.Add(a);
                        break;
                }
            }
            catch (FormatException e)
            {
                o.Error = e.Message;
                return o;
            }
        }
        return o;
    }

    private static int Int(string text, string option, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new FormatException($"option '{option}' takes a whole number from {min} to {max}, not '{text}'");
}

/// <summary>The JSON shape of search results, shared by `kb search --json` and `/api/search`.</summary>
internal static class SearchJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SearchResults r, bool withFacets)
    {
        var hits = r.Hits.Select(h => new
        {
            id = h.Id,
            kind = h.Kind,
            title = h.Title,
            jurisdiction = h.Facets.GetValueOrDefault("jurisdiction")?.FirstOrDefault(),
            url = h.Url,
            score = Math.Round(h.Score, 4),
            snippet = PlainSnippet(h.Snippet),
            snippet_html = h.Snippet,
        }).ToList();
        // `kb search --json` prints the documented array of hits; with --facets (and from /api/search)
        // the hits sit in an object beside the facet counts, so the array contract never changes shape.
        if (!withFacets) return JsonSerializer.Serialize(hits, Options);
        return JsonSerializer.Serialize(new
        {
            query = r.Query,
            total = r.Total,
            did_you_mean = r.DidYouMean,
            hits,
            facets = r.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })),
        }, Options);
    }

    public static string PlainSnippet(string html) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(html.Replace("<mark>", "[", StringComparison.Ordinal).Replace("</mark>", "]", StringComparison.Ordinal))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
