using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Search;
using Markdig;
using YamlDotNet.RepresentationModel;

namespace KnowledgeBase.Generator.Bench;

/// <summary>
/// `kb bench build` and `kb bench search`: medians over repeated runs, each figure reported beside
/// a baseline measured in the same run (the floor of the libraries for builds; a linear scan for
/// search). Each build measurement runs in its own process so peak memory belongs to it alone.
/// </summary>
internal static class Benchmarks
{
    private static string I(double v, string format = "F0") => v.ToString(format, CultureInfo.InvariantCulture);

    public static int Build(IReadOnlyList<int> sizes, int runs, int seed, string templateContent, TextWriter stdout)
    {
        stdout.WriteLine($"build benchmark: median of {runs} runs, each in its own process, " +
            $"on {Environment.ProcessorCount} cores");
        stdout.WriteLine("| statutes | files in | pages | build s | floor s | build/floor | pages/s | " +
            "peak MiB (build) | peak MiB (floor) | output MiB | one-record edit s | edit/build |");
        stdout.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in sizes)
        {
            var root = Path.Combine(Path.GetTempPath(), $"kb-bench-{n}-{Guid.NewGuid():N}");
            var content = Path.Combine(root, "content");
            var (files, _) = Synth.Write(content, n, seed, templateContent);
            var builds = new List<JsonElement>();
            var floors = new List<JsonElement>();
            var edits = new List<JsonElement>();
            for (var r = 0; r < runs; r++)
            {
                // Both the build and the floor write into an empty folder: removing the previous
                // output is not part of either measurement.
                if (Directory.Exists(Path.Combine(root, "_site")))
                    Directory.Delete(Path.Combine(root, "_site"), recursive: true);
                builds.Add(Child("build", content, Path.Combine(root, "_site")));
                floors.Add(Child("floor", content, Path.Combine(root, "_site")));
                edits.Add(Child("edit", content, Path.Combine(root, "_site")));
            }
            double Median(IEnumerable<JsonElement> xs, string key)
            {
                var v = xs.Select(x => x.GetProperty(key).GetDouble()).Order().ToList();
                return v[v.Count / 2];
            }
            var buildS = Median(builds, "seconds");
            var floorS = Median(floors, "seconds");
            var pages = Median(builds, "pages");
            stdout.WriteLine($"| {n:N0} | {files:N0} | {pages:N0} | {I(buildS, "F2")} | {I(floorS, "F2")} | " +
                             $"{I(buildS / floorS, "F2")} | {I(pages / buildS)} | " +
                             $"{I(Median(builds, "peak") / 1048576)} | {I(Median(floors, "peak") / 1048576)} | " +
                             $"{I(Median(builds, "bytes") / 1048576, "F1")} | " +
                             $"{I(Median(edits, "seconds"), "F2")} | {I(Median(edits, "seconds") / buildS, "F3")} |");
            Directory.Delete(root, recursive: true);
        }
        return 0;
    }

    private static JsonElement Child(string mode, string content, string output)
    {
        FlushDisk();
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        var self = typeof(Benchmarks).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!)
                .Equals("kb", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(self);
        foreach (var a in new[] { "bench-run", mode, content, output }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"bench-run {mode} failed: {err.Result}");
        return JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>
    /// Lets the disk finish writing what earlier runs left in the page cache, so a measurement does
    /// not pay for its predecessor's writes (on Linux, where `sync` exists; elsewhere a no-op).
    /// </summary>
    private static void FlushDisk()
    {
        if (!File.Exists("/bin/sync") && !File.Exists("/usr/bin/sync")) return;
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    /// <summary>One measurement in this process: the full build, or the floor of its libraries.</summary>
    public static int Run(string mode, string content, string output, TextWriter stdout)
    {
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var pages = 0;
        if (mode == "edit")
        {
            // `kb serve`'s path: a full build first (not timed), then one statute's title changes and
            // the incremental build renders what it touches; timed until its pages are in memory.
            var builder = new Serve.IncrementalBuilder(content);
            builder.Full(new DateOnly(2026, 11, 27));
            var file = Directory
                .EnumerateFiles(Path.Combine(content, "statutes"), "*.yaml", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).First();
            var text = File.ReadAllText(file);
            File.WriteAllText(file,
                text.Replace("title: \"The Synthetic", "title: \"The Edited Synthetic", StringComparison.Ordinal));
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(2));
            clock.Restart();
            var step = builder.Incremental(new DateOnly(2026, 11, 27))
                ?? throw new InvalidOperationException("edit needed a full build");
            pages = step.Changed.Count;
            clock.Stop();
            File.WriteAllText(file, text);
        }
        else if (mode == "build")
        {
            var result = Pipeline.Build(content, new DateOnly(2026, 11, 27));
            if (result.Site is null)
                throw new InvalidOperationException(string.Join('\n', result.Check.Diagnostics.Take(5)));
            var write = Stopwatch.StartNew();
            var writeCpu = Process.GetCurrentProcess().TotalProcessorTime;
            bytes = SiteWriter.Write(result.Site, output);
            pages = result.PageCount;
            foreach (var (stage, time, cpu, allocated) in result.Stages ?? [])
                Console.Error.WriteLine($"  {stage}: {time.TotalSeconds:F2} s (processor {cpu.TotalSeconds:F2} s, " +
                    $"allocated {allocated / 1048576:N0} MiB)");
            Console.Error.WriteLine($"  write: {write.Elapsed.TotalSeconds:F2} s " +
                $"(processor {(Process.GetCurrentProcess().TotalProcessorTime - writeCpu).TotalSeconds:F2} s)");
            Console.Error.WriteLine($"  garbage collections: {GC.CollectionCount(0)} gen0, " +
                $"{GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2; " +
                $"paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s; " +

                $"allocated {GC.GetTotalAllocatedBytes() / 1048576:N0} MiB");
        }
        else
        {
            // The floor: the same YAML parsed by YamlDotNet, the same Markdown rendered by Markdig,
            // the same bytes written. The built site is read into memory before the clock starts.
            var site = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(output, f), File.ReadAllBytes);
            var pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();
            clock.Restart();
            var floorCpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var file in Directory.EnumerateFiles(content, "*.*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                if (file.EndsWith(".md", StringComparison.Ordinal))
                {
                    Markdig.Markdown.ToHtml(text, pipeline);
                    continue;
                }
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                foreach (var node in stream.Documents[0].AllNodes.OfType<YamlMappingNode>())
                foreach (var (k, v) in node.Children)
                    if (k is YamlScalarNode { Value: "summary" or "notes" or "note" or "rules_note" }
                        && v is YamlScalarNode { Value: { } md })
                        Markdig.Markdown.ToHtml(md, pipeline);
            }
            Console.Error.WriteLine($"  parse YAML and render Markdown: {clock.Elapsed.TotalSeconds:F2} s " +
                $"(processor {(Process.GetCurrentProcess().TotalProcessorTime - floorCpu).TotalSeconds:F2} s)");
            var floorOut = output + ".floor";
            foreach (var (path, data) in site)
            {
                var target = Path.Combine(floorOut, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, data);
                bytes += data.Length;
            }
            clock.Stop();
            Directory.Delete(floorOut, recursive: true);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        stdout.WriteLine(JsonSerializer.Serialize(
            new { seconds, pages, bytes, peak = Process.GetCurrentProcess().PeakWorkingSet64 }));
        return 0;
    }

    public static int Search(IReadOnlyList<int> sizes, int seed, TextWriter stdout)
    {
        stdout.WriteLine("search benchmark: 200 queries per corpus. Baseline: a linear scan of the same documents " +
            "that scores each by");
        stdout.WriteLine("how many query words it contains and keeps the top 10. 'top 10' is Lucene's ranked top 10 " +
            "alone; 'full' adds");
        stdout.WriteLine("spelling, all-hit facet counts and highlighted snippets, as `kb search` and /api/search " +
            "answer.");
        stdout.WriteLine("| documents | index docs/s | index MiB | top-10 p50 ms | top-10 p95 ms | full p50 ms | " +
            "full p95 ms | scan p50 ms | scan p95 ms | scan/top-10 (p50) | browser index gzip KiB per 1,000 docs |");
        stdout.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in sizes)
        {
            var random = new Random(seed);
            var words = Enumerable.Range(0, 5000).Select(i => SynthWord(random, i)).ToArray();
            string Text(int count) =>
                string.Join(' ', Enumerable.Range(0, count).Select(_ => words[Zipf(random, words.Length)]));
            var docs = Enumerable.Range(0, n).Select(i => new SearchDocument($"doc:{i}",
                i % 3 == 0 ? "statute" : "section", Text(8), Text(3), Text(80), $"d/{i}/",
                new Dictionary<string, IReadOnlyList<string>>
                {
                    ["jurisdiction"] = [i % 2 == 0 ? "punjab" : "sindh"]
                })).ToList();
            var queries = Enumerable.Range(0, 200).Select(_ => string.Join(' ',
                    Enumerable.Range(0, 1 + random.Next(3)).Select(_ => words[Zipf(random, 2000)])))
                .ToList();

            var clock = Stopwatch.StartNew();
            using var index = SearchIndex.Build(docs);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            var top = Time(queries, q => index.TopIds(q, 10).Count);
            var lucene = Time(queries, q => index.Search(new SearchRequest(q)).Total);
            var lowered = docs.Select(d => $"{d.Title} {d.Keywords} {d.Body}".ToLowerInvariant()).ToArray();
            var scan = Time(queries, q =>
            {
                var terms = q.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return lowered.Select((t, i) => (Score: terms.Count(w => t.Contains(w, StringComparison.Ordinal)), i))
                    .Where(x => x.Score > 0).OrderByDescending(x => x.Score).Take(10).Count();
            });
            long gzip = 0;
            if (n <= 20_000)
            {
                using var buffer = new MemoryStream();
                using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                    gz.Write(BrowserIndex.Write(index));
                gzip = buffer.Length;
            }
            stdout.WriteLine($"| {n:N0} | {I(n / indexSeconds)} | {I(index.SizeInBytes / 1048576.0, "F1")} | " +
                             $"{I(top.P50, "F2")} | {I(top.P95, "F2")} | " +
                             $"{I(lucene.P50, "F2")} | {I(lucene.P95, "F2")} | " +
                             $"{I(scan.P50, "F2")} | {I(scan.P95, "F2")} | {I(scan.P50 / top.P50, "F1")} | " +
                             $"{(gzip == 0
                                 ? "not built (too large for a browser)"
                                 : I(gzip / 1024.0 / (n / 1000.0), "F1"))} |");
        }
        return 0;
    }

    private static (double P50, double P95) Time(List<string> queries, Func<string, int> run)
    {
        foreach (var q in queries.Take(10)) run(q); // warm-up
        var times = queries.Select(q =>
        {
            var c = Stopwatch.StartNew();
            run(q);
            return c.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        return (times[times.Count / 2], times[times.Count * 95 / 100]);
    }

    private static int Zipf(Random random, int n) =>
        (int)Math.Min(n - 1, Math.Floor(Math.Pow(n, random.NextDouble())) - 1 + 0.5);

    private static string SynthWord(Random random, int i)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var length = 4 + random.Next(6);
        return new string(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray()) +
            (i % 7 == 0 ? "ing" : "");

    }
}
