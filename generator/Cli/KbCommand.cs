using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Generator.Serve;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Cli;

/// <summary>
/// The `kb` command line on System.CommandLine: `kb --help`, `kb COMMAND --help` (or `-h`), typo
/// suggestions, and the exit codes of <see cref="ExitCode"/>. Parse errors are usage errors (2).
/// </summary>
public static class KbCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancel = default)
    {
        var root = Root(stdout, stderr);
        var config = new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false
        };
        try
        {
            if (args.Length == 0)
            {
                await root.Parse(["--help"]).InvokeAsync(config, cancel);
                return (int)ExitCode.Usage;
            }
            if (args is ["help"]) args = ["--help"];
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // "Required command was not provided" only repeats what an unknown word already says.
                var errors = parsed.UnmatchedTokens.Count > 0
                    ? parsed.Errors.Where(e => !(e.SymbolResult is CommandResult { Command: RootCommand }
                        && e.Message.StartsWith("Required command", StringComparison.Ordinal))).ToList()
                    : parsed.Errors.ToList();
                foreach (var error in errors) stderr.WriteLine($"kb: {error.Message}");
                if (Suggestion(root, parsed) is { } hint) stderr.WriteLine($"kb: did you mean '{hint}'?");
                stderr.WriteLine("Run 'kb --help' or 'kb COMMAND --help' for usage.");
                return (int)ExitCode.Usage;
            }
            return await parsed.InvokeAsync(config, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stderr.WriteLine($"kb: unexpected failure: {e.Message}");
            stderr.WriteLine(e.StackTrace);
            return (int)ExitCode.Failure;
        }
    }

    /// <summary>For an unknown command or option, the closest known one.</summary>
    private static string? Suggestion(RootCommand root, ParseResult parsed)
    {
        var token = parsed.UnmatchedTokens.FirstOrDefault();
        if (token is null) return null;
        var command = parsed.CommandResult.Command;
        var candidates = token.StartsWith('-')
            ? command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToList()
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return candidates.Count == 0 ? null : Suggest.Closest(token, candidates);
    }

    private static Option<string> Content() => new("--content")
    {
        Description = "content folder", DefaultValueFactory = _ => "content", HelpName = "DIR"
    };

    private static Option<string> Output() => new("--output")
    {
        Description = "output folder (replaced as a whole)", DefaultValueFactory = _ => "_site", HelpName = "DIR"
    };

    private static Option<int> Int(string name, string description, int min, int max, int fallback)
    {
        var option = new Option<int>(name)
        {
            Description = description, DefaultValueFactory = _ => fallback, HelpName = "N"
        };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0
                && int.TryParse(r.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                && (v < min || v > max))
                r.AddError($"option '{name}' takes a whole number from {min} to {max}, not '{r.Tokens[0].Value}'");
        });
        return option;
    }

    private static RootCommand Root(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("kb — Pakistan child protection law knowledge base. " +
                                   "Exit codes: 0 success, 1 content errors, 2 usage error, 3 unexpected failure.");

        var buildContent = Content();
        var buildOutput = Output();
        var draft = new Option<bool>("--allow-untranslated")
        {
            Description = "write Urdu pages even where an interface string has no Urdu entry (KB3019 becomes a " +
                          "warning): a translator's preview, never a release",
        };
        var build = new Command("build", "validate, analyse, index and write the site (default content/ → _site/)")
            { buildContent, buildOutput, draft };
        build.SetAction(p => Build(
            new Options
            {
                Content = p.GetValue(buildContent)!, Output = p.GetValue(buildOutput)!, Draft = p.GetValue(draft),
            }, stdout, stderr));


        var checkContent = Content();
        var format = new Option<string>("--format")
        {
            Description = "text (path:line:col: error KB…) or github (annotations CI shows inline)",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT"
        };
        format.AcceptOnlyFromAmong("text", "github");
        var check = new Command("check", "validate only; print every problem, exit 1 on any error")
            { checkContent, format };
        check.SetAction(p => Check(new Options { Content = p.GetValue(checkContent)!, Format = p.GetValue(format)! },
            stdout, stderr));

        var searchContent = Content();
        var query = new Argument<string[]>("QUERY")
            { Description = "words to search for", Arity = ArgumentArity.ZeroOrMore };
        var jurisdiction = new Option<string>("--jurisdiction")
            { Description = "only this jurisdiction (ict, punjab, …)", HelpName = "ID" };
        var kind = new Option<string>("--kind")
        {
            Description = "only this kind (statute, section, body, topic, answer, article, mandate)", HelpName = "KIND"
        };
        var theme = new Option<string>("--theme") { Description = "only this theme", HelpName = "ID" };
        var year = Int("--year", "only records of this year", 1800, 2100, 0);
        year.DefaultValueFactory = null;
        var limit = Int("--limit", "how many results", 1, 1000, 10);
        var json = new Option<bool>("--json") { Description = "print results as JSON" };
        var facets = new Option<bool>("--facets")
            { Description = "with --json: an object with facet counts beside the hits" };
        var search = new Command("search", "search the records with Lucene.Net")
            { query, searchContent, jurisdiction, kind, theme, year, limit, json, facets };
        search.SetAction(p =>
        {
            var o = new Options
            {
                Content = p.GetValue(searchContent)!, Limit = p.GetValue(limit), Json = p.GetValue(json),
                Facets = p.GetValue(facets)
            };
            o.Positional.AddRange(p.GetValue(query) ?? []);
            if (p.GetValue(jurisdiction) is { } j) o.FilterValues["jurisdiction"] = j;
            if (p.GetValue(kind) is { } k) o.FilterValues["kind"] = k;
            if (p.GetValue(theme) is { } t) o.FilterValues["theme"] = t;
            if (p.GetResult(year) is { Tokens.Count: > 0 })
                o.FilterValues["year"] = p.GetValue(year).ToString(CultureInfo.InvariantCulture);
            return Search(o, stdout, stderr);
        });

        var serveContent = Content();
        var serveOutput = Output();
        var port = Int("--port", "port to listen on", 1, 65535, 8080);
        var host = new Option<string>("--host")
        {
            Description = "address to bind (loopback unless told otherwise)",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ADDR"
        };
        var serve = new Command("serve",
            "build, serve on 127.0.0.1:8080 and rebuild on change; stops on Ctrl+C or SIGTERM")
            { serveContent, serveOutput, port, host };
        serve.SetAction((p, token) => ServeAsync(new Options
        {
            Content = p.GetValue(serveContent)!, Output = p.GetValue(serveOutput)!, Port = p.GetValue(port),
            Host = p.GetValue(host)!,
        }, stdout, stderr, token));

        var synthContent = Content();
        var statutes = Int("--statutes", "how many statutes", 1, 1_000_000, 0);
        statutes.DefaultValueFactory = null;
        statutes.Required = true;
        var synthOut = new Option<string>("--out")
            { Description = "folder to write", Required = true, HelpName = "DIR" };
        var seed = Int("--seed", "random seed", 0, int.MaxValue, 1);
        var synth = new Command("synth", "write a synthetic, schema-valid corpus (deterministic per seed)")
            { statutes, synthOut, seed, synthContent };
        synth.SetAction(p => SynthCommand(new Options
        {
            Statutes = p.GetValue(statutes), Out = p.GetValue(synthOut), Seed = p.GetValue(seed),
            Content = p.GetValue(synthContent)!,
        }, stdout, stderr));

        var benchWhat = new Argument<string>("WHAT")
            { Description = "build or search", DefaultValueFactory = _ => "build" };
        benchWhat.AcceptOnlyFromAmong("build", "search");
        var sizes = new Option<string>("--sizes") { Description = "corpus sizes, e.g. 1000,10000", HelpName = "LIST" };
        var runs = Int("--runs", "runs per size", 1, 50, 3);
        var benchSeed = Int("--seed", "random seed", 0, int.MaxValue, 1);
        var benchContent = Content();
        var bench = new Command("bench", "benchmarks, each against a baseline measured in the same run")
            { benchWhat, sizes, runs, benchSeed, benchContent };
        bench.SetAction(p =>
        {
            IReadOnlyList<int>? list = null;
            if (p.GetValue(sizes) is { } text)
            {
                var parts = text.Split(',');
                if (parts.Any(x => !int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    || n < 1 || n > 1_000_000))
                    return UsageError(stderr,
                        $"option '--sizes' takes whole numbers from 1 to 1000000 separated by commas, not '{text}'");
                list = parts.Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
            }
            var o = new Options
            {
                Sizes = list, Runs = p.GetValue(runs), Seed = p.GetValue(benchSeed), Content = p.GetValue(benchContent)!
            };
            o.Positional.Add(p.GetValue(benchWhat)!);
            return BenchCommand(o, stdout, stderr);
        });

        // One measured run in its own process, started by `kb bench`.
        var runArgs = new Argument<string[]>("ARGS") { Arity = new ArgumentArity(3, 3) };
        var benchRun = new Command("bench-run") { runArgs };
        benchRun.Hidden = true;
        benchRun.SetAction(p => p.GetValue(runArgs) is [var mode, var content, var output]
            ? Bench.Benchmarks.Run(mode, content, output, stdout) : (int)ExitCode.Usage);

        var newKind = new Argument<string>("KIND") { Description = string.Join(" | ", Scaffold.Kinds) };
        newKind.AcceptOnlyFromAmong(Scaffold.Kinds);
        var newId = new Option<string>("--id")
            { Description = "the new record's id (lower-case kebab-case; it becomes the page URL)", HelpName = "ID" };
        var newJurisdiction = new Option<string>("--jurisdiction")
            { Description = "its jurisdiction (statute, body, judgment, policy, answer)", HelpName = "ID" };
        var newTopic = new Option<string>("--topic")
            { Description = "for an answer: the topic it answers", HelpName = "ID" };
        var newContent = Content();
        var scaffold = new Command("new",
            "write a new record with its schema line and every required field, TODOs where a person must fill in")
            { newKind, newId, newJurisdiction, newTopic, newContent };
        scaffold.SetAction(p => New(p.GetValue(newKind)!, p.GetValue(newId), p.GetValue(newJurisdiction),
            p.GetValue(newTopic), p.GetValue(newContent)!, stdout, stderr));

        var oldSite = new Argument<string>("OLD_SITE") { Description = "a built site before the change" };
        var newSite = new Argument<string>("NEW_SITE") { Description = "the built site after it" };
        var diff = new Command("diff", "summarise for a reviewer which answers, findings and pages a change alters")
            { oldSite, newSite };
        diff.SetAction(p =>
        {
            var (a, b) = (p.GetValue(oldSite)!, p.GetValue(newSite)!);
            foreach (var dir in new[] { a, b })
                if (!File.Exists(Path.Combine(dir, "index.html")))
                    return UsageError(stderr, $"'{dir}' is not a built site (no index.html); run kb build first");
            stdout.Write(SiteDiff.Describe(a, b));
            return (int)ExitCode.Success;
        });

        var releaseContent = Content();
        var release = new Command("release",
            "archive this build's data downloads under content/releases/VERSION/, published at data/releases/VERSION/")
            { releaseContent };
        release.SetAction(p => Release(p.GetValue(releaseContent)!, stdout, stderr));

        root.Subcommands.Add(build);
        root.Subcommands.Add(release);
        root.Subcommands.Add(scaffold);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(check);
        root.Subcommands.Add(search);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(synth);
        root.Subcommands.Add(bench);
        root.Subcommands.Add(benchRun);
        return root;
    }

    private static int Release(string content, TextWriter stdout, TextWriter stderr)
    {
        var result = Pipeline.Build(content, Today());
        Report(result.Check.Diagnostics, stderr);
        if (result.Site is null)
        {
            stderr.WriteLine("release failed: the content has errors; nothing archived");
            return (int)ExitCode.ContentErrors;
        }
        var kb = result.Check.Model;
        var files = Releases.DataFiles(result.Site).ToList();
        var version = Releases.Version(kb.AsOf, files);
        var dir = Path.Combine(content, Releases.Folder, version);
        if (Directory.Exists(dir))
        {
            stdout.WriteLine($"release {version} is already archived in {dir}");
            return (int)ExitCode.Success;
        }
        // Written beside, then moved into place, so a folder named for a version always holds the whole release.
        var staging = dir + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(staging, Path.GetFileName(name)), bytes);
        var sequence = kb.Releases.Select(r => r.Sequence).DefaultIfEmpty(0).Max() + 1;
        File.WriteAllBytes(Path.Combine(staging, "release.json"), Releases.Manifest(version, kb.AsOf, files, sequence));
        Directory.Move(staging, dir);
        stdout.WriteLine($"archived release {version}: {files.Count} files in {dir}; " +
            $"commit them, and every build publishes them at data/releases/{version}/");
        return (int)ExitCode.Success;
    }

    private static int New(string kind, string? id, string? jurisdiction, string? topic, string content,
        TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(content)) return UsageError(stderr, $"content folder '{content}' does not exist");
        var jurisdictions = Directory.EnumerateFiles(Path.Combine(content, "jurisdictions"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>().Order(StringComparer.Ordinal).ToList();
        var (path, text, error) = Scaffold.For(kind, id, jurisdiction, topic, Today(), jurisdictions, content);
        if (error is not null) return UsageError(stderr, error);
        var full = Path.Combine(content, path!);
        if (kind != "answer" && File.Exists(full))
            return UsageError(stderr, $"{path} already exists; choose another --id");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        stdout.WriteLine($"wrote {Path.Combine(content, path!)}: fill in each TODO (kb check lists them as KB3018)");
        var result = Pipeline.Check(content, Today());
        var mine = result.Diagnostics.Where(d => d.Span.File.EndsWith(path!, StringComparison.Ordinal)).ToList();
        Report(mine, stdout);
        return (int)ExitCode.Success;
    }

    /// <summary>
    /// Stage-by-stage progress for a person watching a terminal; nothing when standard error is
    /// redirected (a CI log, a pipe) or NO_COLOR is set, so scripts see only the result line.
    /// </summary>
    internal static Action<string>? Progress(TextWriter stderr) =>
        ShowProgress(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
                Environment.GetEnvironmentVariable("NO_COLOR"))
            ? line => stderr.WriteLine("  " + line)
            : null;

    internal static bool ShowProgress(bool terminal, string? noColor) => terminal && string.IsNullOrEmpty(noColor);

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"kb: {message}");
        stderr.WriteLine("Run 'kb --help' or 'kb COMMAND --help' for usage.");
        return (int)ExitCode.Usage;
    }

    internal static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A GitHub Actions workflow command: the service shows it on the line it names.</summary>
    internal static string GitHub(Diagnostic d)
    {
        // KB: the command syntax reserves %, CR and LF in the message, and also ',' and ':' in properties.
        static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
        var level = d.Severity == Severity.Error ? "error" : "warning";
        var message = string.IsNullOrEmpty(d.Hint) ? d.Message : $"{d.Message} (hint: {d.Hint})";
        return $"::{level} file={Property(d.Span.File)},line={d.Span.Line},col={d.Span.Column}," +
            $"title={Property(d.Code)}::{Data(message)}";
    }

    private static void Report(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr, string format = "text")
    {
        foreach (var d in diagnostics) stderr.WriteLine(format == "github" ? GitHub(d) : d.ToString());
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0) stderr.WriteLine($"{errors} error(s), {warnings} warning(s)");
    }

    private static int Check(Options o, TextWriter stdout, TextWriter stderr)
    {
        var result = Pipeline.Check(o.Content, Today());
        Report(result.Diagnostics, o.Format == "github" ? stdout : stderr, o.Format);
        if (result.HasErrors) return (int)ExitCode.ContentErrors;
        var m = result.Model;
        stdout.WriteLine($"ok: {m.Jurisdictions.Count} jurisdictions, {m.Statutes.Count} statutes, " +
                         $"{m.Institutions.Count} bodies, " +
                         $"{m.Topics.Count} topics, {m.Topics.Sum(t => t.Answers.Count)} answers" +
                         string.Concat(Kinds.RecordKinds.All.Select(k => $", {k.In(m).Count} {k.Folder}")));
        var c = Analyse.CoverageCount.Of(m.Topics.SelectMany(t => t.Answers));
        stdout.WriteLine($"answers: {c.Answered} answered, {c.Reported} reported, {c.Disputed} disputed, " +
                         $"{c.NoProvision} no provision, {c.NotResearched} not researched; " +
                         $"verification: {c.Primary} primary, {c.Secondary} secondary, {c.Unverified} unverified " +
                         $"({(c.Total == 0 ? 0 : 100 * (c.Primary + c.Secondary) / c.Total)}% of answers " +
                         $"primary or secondary)");
        return (int)ExitCode.Success;
    }

    private static int Build(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (OutputGuard.Refusal(o.Output, o.Content) is { } refusal) return UsageError(stderr, refusal);
        var clock = Stopwatch.StartNew();
        var result = Pipeline.Build(o.Content, Today(),
            BuildOptions.Default with { Progress = Progress(stderr), AllowUntranslated = o.Draft });
        Report(result.Check.Diagnostics, stderr);
        if (result.Site is null)
        {
            stderr.WriteLine($"build failed: nothing written; '{o.Output}' is unchanged");
            return (int)ExitCode.ContentErrors;
        }
        var bytes = SiteWriter.Write(result.Site, o.Output, o.Content);
        var m = result.Check.Model;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built {o.Output}: {Kinds.RecordKinds.Every.Where(k => k != Kinds.RecordKinds.Jurisdictions)
                .Sum(k => k.Ids(m).Count())} records, {result.PageCount} pages, " +
            $"{result.Site.Count} files, {bytes / 1024.0:F0} KiB, " +
            $"{result.Analysis!.Findings.Count} findings in {clock.Elapsed.TotalSeconds:F1} s"));
        return (int)ExitCode.Success;
    }

    private static int Search(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Positional.Count == 0) return UsageError(stderr, "search needs a query, e.g. kb search \"marriage age\"");
        var query = string.Join(' ', o.Positional);
        if (query.Length > SearchIndex.MaxQueryLength)
            return UsageError(stderr, $"query is longer than {SearchIndex.MaxQueryLength} characters");
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
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{++rank,2}. [{hit.Kind}, {j}] {hit.Title}  ({hit.Score:F2})"));

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
        // The token is cancelled on SIGINT (Ctrl+C) and SIGTERM: the server stops after any rebuild under way.
        var server = new DevServer(o.Content, o.Output, o.Host, o.Port, stdout, stderr, today: Today);
        return await server.RunAsync(cancel);
    }
}
