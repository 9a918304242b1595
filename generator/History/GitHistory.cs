using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.History;

/// <summary>One dated change to a record, as a reader understands it.</summary>
public sealed record RecordChange(DateOnly Date, string Commit, string Subject, IReadOnlyList<string> Lines);

/// <summary>
/// The history of every content file, read from the git repository that holds it: the commits that
/// touched it, newest first, and for topics the changes to their answers in words ("Punjab: 16 → 18,
/// source added") found by reading each version with the loader. Outside a git checkout, or
/// without git, there is no history and the site says so.
/// </summary>
public sealed class GitHistory
{
    private readonly Dictionary<string, List<RecordChange>> _byFile;
    private readonly string _content;

    private GitHistory(Dictionary<string, List<RecordChange>> byFile, string content) =>
        (_byFile, _content) = (byFile, content);

    /// <summary>Changes to the file a record was read from (its path as diagnostics show it), newest first.</summary>
    public IReadOnlyList<RecordChange> OfRecord(Spans spans) => Of(RelativeFile(spans));

    /// <summary>A record's file relative to the content folder, with forward slashes.</summary>
    public string RelativeFile(Spans spans) =>
        Path.GetRelativePath(_content, Path.GetFullPath(spans.Record.File)).Replace('\\', '/');

    /// <summary>Changes to one content file (a path relative to the content folder), newest first.</summary>
    public IReadOnlyList<RecordChange> Of(string relative) =>
        _byFile.TryGetValue(relative.Replace('\\', '/'), out var list) ? list : [];

    /// <summary>Every change, newest first, with the content file it touched.</summary>
    public IEnumerable<(string File, RecordChange Change)> All =>
        _byFile.SelectMany(kv => kv.Value.Select(c => (kv.Key, c)))
            .OrderByDescending(x => x.c.Date)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .ThenBy(x => x.c.Commit, StringComparer.Ordinal);

    public static GitHistory? Read(string contentDir)
    {
        var content = Path.GetFullPath(contentDir);
        var root = Git(content, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(root)) return null;
        var prefix = Path.GetRelativePath(root, content).Replace('\\', '/');
        if (prefix == ".") prefix = "";
        var log = Git(root, "log", "--format=@@%H%x09%cs%x09%s", "--name-only", "--no-renames", "--",
            prefix.Length == 0 ? "." : prefix);
        if (log is null) return null;
        var byFile = new Dictionary<string, List<RecordChange>>(StringComparer.Ordinal);
        var commits = new List<(string Hash, DateOnly Date, string Subject, List<string> Files)>();
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var parts = line[2..].Split('\t', 3);
                if (parts.Length == 3 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var date))
                    commits.Add((parts[0], date, parts[2], []));
            }
            else if (line.Length > 0 && commits.Count > 0
                && (prefix.Length == 0 || line.StartsWith(prefix + "/", StringComparison.Ordinal)))
                commits[^1].Files.Add(line);
        }
        // Every version of every topic, statute and body file, read in one git process, to say what changed in its
        // values.
        var topicVersions = commits
            .SelectMany(c => c.Files.Where(f => Described(f, prefix) is not null).Select(f => (c.Hash, File: f)))
            .ToList();
        var texts = CatFiles(root, topicVersions.Select(v => $"{v.Hash}:{v.File}").ToList());
        for (var i = 0; i < commits.Count; i++)
        {
            var (hash, date, subject, files) = commits[i];
            foreach (var file in files)
            {
                var relative = prefix.Length == 0 ? file : file[(prefix.Length + 1)..];
                var lines = new List<string>();
                if (Described(file, prefix) is { } folder && texts.TryGetValue($"{hash}:{file}", out var now))
                {
                    // The version before this commit is the next older commit that touched the file.
                    var older = commits.Skip(i + 1).FirstOrDefault(c => c.Files.Contains(file));
                    var before = older.Hash is null ? null : texts.GetValueOrDefault($"{older.Hash}:{file}");
                    lines.AddRange(folder switch
                    {
                        "topics" => Compare(before, now),
                        "statutes" => CompareStatute(before, now),
                        _ => CompareInstitution(before, now),
                    });
                }
                if (!byFile.TryGetValue(relative, out var list)) byFile[relative] = list = [];
                list.Add(new RecordChange(date, hash[..10], subject, lines));
            }
        }
        return new GitHistory(byFile, content);
    }

    /// <summary>
    /// The folder of a record whose changes are told in words (topics, statutes, institutions), or null.
    /// </summary>
    private static string? Described(string file, string prefix)
    {
        if (!file.EndsWith(".yaml", StringComparison.Ordinal)) return null;
        var relative = prefix.Length == 0 ? file
            : file.StartsWith(prefix + "/", StringComparison.Ordinal) ? file[(prefix.Length + 1)..] : null;
        var folder = relative?.Split('/')[0];
        return folder is "topics" or "statutes" or "institutions" ? folder : null;
    }

    /// <summary>What changed in a statute's values: status, rules, title, sections, verification.</summary>
    internal static IEnumerable<string> CompareStatute(string? before, string? after)
    {
        var a = Read(after, "statute", Kinds.StatuteKind.Read);
        if (a is null) yield break;
        var b = Read(before, "statute", Kinds.StatuteKind.Read);
        if (b is null)
        {
            yield return "added";
            yield break;
        }
        if (b.Status != a.Status)
            yield return $"status: {YamlNames.Of(b.Status).Replace('-', ' ')} → " +
                $"{YamlNames.Of(a.Status).Replace('-', ' ')}";

        if (b.RulesNotified != a.RulesNotified)
            yield return $"rules notified: {YamlNames.Of(b.RulesNotified).Replace('-', ' ')} → " +
                $"{YamlNames.Of(a.RulesNotified).Replace('-', ' ')}";
        if (b.Title != a.Title) yield return "title corrected";
        var (was, now) = (b.Sections.Select(s => s.Number).ToHashSet(StringComparer.Ordinal),
            a.Sections.Select(s => s.Number).ToList());
        var added = now.Where(n => !was.Contains(n)).ToList();
        var removed = was.Where(n => !now.Contains(n)).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
            yield return (added.Count == 1 ? "section added: s. " : "sections added: ss. ") + string.Join(", ", added);
        if (removed.Count > 0)
            yield return (removed.Count == 1 ? "section removed: s. " : "sections removed: ss. ") +
                string.Join(", ", removed);
        if (b.Verification != a.Verification)
            yield return $"verification: {YamlNames.Of(b.Verification)} → {YamlNames.Of(a.Verification)}";
        if (b.SourceUrl != a.SourceUrl) yield return "source changed";
    }

    /// <summary>What changed in a body's values: status, mandates, founding statute, verification.</summary>
    internal static IEnumerable<string> CompareInstitution(string? before, string? after)
    {
        var a = Read(after, "institution", Kinds.InstitutionKind.Read);
        if (a is null) yield break;
        var b = Read(before, "institution", Kinds.InstitutionKind.Read);
        if (b is null)
        {
            yield return "added";
            yield break;
        }
        if (b.Status != a.Status)
            yield return $"status: {YamlNames.Of(b.Status).Replace('-', ' ')} → " +
                $"{YamlNames.Of(a.Status).Replace('-', ' ')}";

        var (was, now) = (b.Mandates.Select(m => m.Function).ToHashSet(StringComparer.Ordinal),
            a.Mandates.Select(m => m.Function).Distinct().ToList());
        var added = now.Where(f => !was.Contains(f)).ToList();
        var removed = was.Where(f => !now.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
            yield return "mandate added: " + string.Join(", ", added.Select(f => f.Replace('-', ' ')));
        if (removed.Count > 0)
            yield return "mandate removed: " + string.Join(", ", removed.Select(f => f.Replace('-', ' ')));
        if ((b.StatuteId, b.StatuteSection) != (a.StatuteId, a.StatuteSection))
            yield return "founding statute or section changed";
        if (b.Verification != a.Verification)
            yield return $"verification: {YamlNames.Of(b.Verification)} → {YamlNames.Of(a.Verification)}";
    }

    private static T? Read<T>(string? text, string what, Func<MappingReader, T?> read) where T : class =>
        text is null ? null : ContentLoader.ReadText("history.yaml", text, new DiagnosticBag(), what, read);

    /// <summary>What changed in a topic's answers between two versions, one line per jurisdiction.</summary>
    internal static IEnumerable<string> Compare(string? before, string? after)
    {
        var a = Topic(after);
        if (a is null) yield break;
        var b = Topic(before);
        if (b is null)
        {
            yield return "added";
            yield break;
        }
        foreach (var now in a.Answers)
        {
            var then = b.AnswerFor(now.JurisdictionId);
            var parts = new List<string>();
            string Show(Answer x) => !x.IsAnswered ? x.StatusName.Replace('-', ' ')
                : (x.Value ?? "?") + (x.IsReported ? " (reported)" : x.IsDisputed ? " (disputed)" : "");
            if (then is null) parts.Add("answer added: " + Show(now));
            else
            {
                if (Show(then) != Show(now)) parts.Add($"{Show(then)} → {Show(now)}");
                if (then.Qualifier != now.Qualifier)
                    parts.Add(now.Qualifier is null
                        ? "qualifier removed"
                        : "qualifier " + (then.Qualifier is null ? "added" : "changed"));
                if ((then.StatuteId, SectionAnchor.For(then.Section ?? ""))
                    != (now.StatuteId, SectionAnchor.For(now.Section ?? "")))
                    parts.Add(now.Section is null ? "citation changed" : $"now cites s. {now.Section}");
                var added = now.AllSources.Select(s => s.Url).Except(then.AllSources.Select(s => s.Url)).Count();
                if (added > 0) parts.Add(added == 1 ? "source added" : $"{added} sources added");
                if (then.Quote is null && now.Quote is not null) parts.Add("operative words quoted");
            }
            if (parts.Count > 0) yield return $"{now.JurisdictionId}: {string.Join(", ", parts)}";
        }
    }

    private static Topic? Topic(string? text)
    {
        if (text is null) return null;
        var bag = new DiagnosticBag();
        return ContentLoader.ReadText("history.yaml", text, bag, "topic", Kinds.TopicKind.Read);
    }

    private static string? Git(string workingDirectory, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true
            };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }

    /// <summary>Many blobs through one `git cat-file --batch`.</summary>
    private static Dictionary<string, string> CatFiles(string root, IReadOnlyList<string> specs)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (specs.Count == 0) return texts;
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };

        start.ArgumentList.Add("cat-file");
        start.ArgumentList.Add("--batch");
        using var git = Process.Start(start)!;
        var writer = Task.Run(() =>
        {
            foreach (var spec in specs) git.StandardInput.Write(spec + "\n");
            git.StandardInput.Close();
        });
        var output = git.StandardOutput.BaseStream;
        foreach (var spec in specs)
        {
            var header = ReadLine(output);
            var fields = header.Split(' ');
            if (fields.Length < 3 || fields[1] != "blob") continue; // "missing"
            var size = int.Parse(fields[2], CultureInfo.InvariantCulture);
            var buffer = new byte[size];
            var read = 0;
            while (read < size) read += output.Read(buffer, read, size - read);
            output.ReadByte(); // the newline after the content
            texts[spec] = Encoding.UTF8.GetString(buffer);
        }
        writer.Wait();
        git.WaitForExit();
        return texts;
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n') bytes.Add((byte)b);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
