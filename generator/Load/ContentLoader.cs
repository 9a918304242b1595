using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeBase.Generator.Load;

/// <summary>
/// Parsed records by file, reused while a file's length and modification time are unchanged, so
/// `kb serve` re-reads only what an edit touched. Unchanged files give back the same record
/// instances, which is how the incremental renderer tells what changed.
/// </summary>
public sealed class ParseCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        string, (long Length, DateTime Modified, object? Record, DiagnosticBag Bag)> _entries =
        new(StringComparer.Ordinal);

    internal (T? Record, DiagnosticBag Bag) GetOrRead<T>(string file, Func<DiagnosticBag, T?> read) where T : class
    {
        var info = new FileInfo(file);
        // A file that vanished since the folder was listed is not cached: the next rebuild sees it gone.
        var stamp = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
        if (_entries.TryGetValue(file, out var e) && stamp.Item1 >= 0 && e.Length == stamp.Item1
            && e.Modified == stamp.Item2)
            return ((T?)e.Record, e.Bag);
        var bag = new DiagnosticBag();
        var record = read(bag);
        if (stamp.Item1 >= 0) _entries[file] = (stamp.Item1, stamp.Item2, record, bag);
        else _entries.TryRemove(file, out _);
        return (record, bag);
    }
}

/// <summary>
/// Stage 1, LoadContent: reads every record under content/ into immutable typed records.
/// Problems become diagnostics; a broken file is skipped so the rest can still be checked.
/// </summary>
public static class ContentLoader
{
    public static KnowledgeBaseModel Load(string contentDir, DiagnosticBag bag, ParseCache? cache = null)
    {
        var root = Path.GetFullPath(contentDir);
        if (!Directory.Exists(root))
        {
            bag.Error(Codes.UnreadableFile, SourceSpan.FileOnly(contentDir),
                $"content folder '{contentDir}' does not exist",
                "run from the repository root, or pass --content DIR");
            return Empty();
        }

        var site = LoadOne(root, "site.yaml", bag, "site settings", ReadSite)
                   ?? new SiteSettings("Knowledge base", "https://example.org", "");
        var jurisdictions = Kinds.RecordKinds.Jurisdictions.Load(root, bag);
        var statutes = Kinds.RecordKinds.Statutes.Load(root, bag, cache);
        var institutions = Kinds.RecordKinds.Institutions.Load(root, bag, cache);
        var topics = Kinds.RecordKinds.Topics.Load(root, bag, cache);
        var themes = LoadOne(root, Path.Combine("taxonomy", "themes.yaml"), bag, "theme list",
            r => ReadTerms(r, "themes", "theme")) ?? [];
        var functions = LoadOne(root, Path.Combine("taxonomy", "mandate-functions.yaml"), bag, "mandate function list",
            r => ReadTerms(r, "functions", "mandate function")) ?? [];
        var synonyms =
            LoadOne(root, Path.Combine("taxonomy", "synonyms.yaml"), bag, "synonym list", ReadSynonyms) ?? [];

        var kinds = new Dictionary<string, IReadOnlyList<Kinds.KindRecord>>(StringComparer.Ordinal);
        foreach (var kind in Kinds.RecordKinds.All)
            kinds[kind.Folder] = LoadKind(root, kind, bag, cache).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

        return new KnowledgeBaseModel(site, jurisdictions,
            statutes,
            institutions,
            topics,
            themes, functions, synonyms)
        {
            Kinds = kinds, Releases = Publish.Releases.Archived(root), Translations = TranslationReader.Load(root, bag),
        };
    }

    private static KnowledgeBaseModel Empty() =>
        new(new SiteSettings("", "https://example.org", ""), [], [], [], [], [], [], []);

    /// <summary>The path shown in diagnostics: relative to the working folder, with forward slashes.</summary>
    internal static string DisplayPath(string fullPath)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return rel.Replace('\\', '/');
    }

    internal static List<T> LoadAll<T>(string root, string folder, DiagnosticBag bag, string what,
        Func<MappingReader, T?> read, bool recursive = false, ParseCache? cache = null) where T : class
    {
        var dir = Path.Combine(root, folder);
        var list = new List<T>();
        if (!Directory.Exists(dir)) return list;
        var files = Directory
            .EnumerateFiles(dir, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal);
        var yaml = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || name.Equals("README.md", StringComparison.OrdinalIgnoreCase)) continue;
            if (!name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                bag.Warning(Codes.UnexpectedFile, SourceSpan.FileOnly(DisplayPath(file)),
                    $"'{name}' is not read: only .yaml files are records here",
                    "rename it to .yaml, or move it out of content/");
                continue;
            }
            yaml.Add(file);
        }
        // Files parse in parallel, each into its own bag; results merge in file order, so records
        // and diagnostics come out the same whatever the scheduling.
        var results = new (T? Record, DiagnosticBag Bag)[yaml.Count];
        Parallel.For(0, yaml.Count, i =>
        {
            results[i] = cache is null
                ? Fresh(own => ReadFile(yaml[i], own, what, read))
                : cache.GetOrRead(yaml[i], own => ReadFile(yaml[i], own, what, read));
        });
        foreach (var (record, own) in results)
        {
            bag.AddRange(own);
            if (record is not null) list.Add(record);
        }
        return list;
    }

    private static (T? Record, DiagnosticBag Bag) Fresh<T>(Func<DiagnosticBag, T?> read) where T : class
    {
        var own = new DiagnosticBag();
        return (read(own), own);
    }

    private static T? LoadOne<T>(string root, string relative, DiagnosticBag bag, string what,
        Func<MappingReader, T?> read)
        where T : class
    {
        var file = Path.Combine(root, relative);
        if (!File.Exists(file))
        {
            bag.Error(Codes.UnreadableFile, SourceSpan.FileOnly(DisplayPath(file)), $"{what} file is missing",
                $"create {relative}");
            return null;
        }
        return ReadFile(file, bag, what, read);
    }

    private static T? ReadFile<T>(string file, DiagnosticBag bag, string what, Func<MappingReader, T?> read)
        where T : class
    {
        var text = ContentFile.Read(file, bag);
        return text is null ? null : ReadText(DisplayPath(file), text, bag, what, read);
    }

    internal static T? ReadText<T>(string displayPath, string text, DiagnosticBag bag, string what,
        Func<MappingReader, T?> read)
        where T : class
    {
        var node = Parse(displayPath, text, bag);
        if (node is null) return null;
        if (node is not YamlMappingNode map)
        {
            bag.Error(Codes.NotAMapping, new SourceSpan(displayPath, (int)node.Start.Line, (int)node.Start.Column),
                $"a {what} must be a mapping of 'field: value' lines", "start the file with 'id: ...'");
            return null;
        }
        Placeholders(displayPath, map, bag);
        var reader = new MappingReader(displayPath, map, bag, what);
        var record = read(reader);
        reader.Finish();
        if (record is null && reader.RawId() is { } id) bag.Unloaded.Add(id);
        return record;
    }

    /// <summary>
    /// Every "TODO" that `kb new` left (or an editor wrote) is a warning at its line, until it is filled in.
    /// </summary>
    private static void Placeholders(string displayPath, YamlNode node, DiagnosticBag bag)
    {
        foreach (var scalar in node.AllNodes.OfType<YamlScalarNode>())
        {
            if (scalar.Value is null || !scalar.Value.Contains("TODO", StringComparison.Ordinal)) continue;
            bag.Warning(Codes.Placeholder,
                new SourceSpan(displayPath, (int)scalar.Start.Line, (int)scalar.Start.Column),
                $"'{(scalar.Value.Length > 60 ? scalar.Value[..60] + "…" : scalar.Value).Trim()}' is a placeholder",
                "replace it with what the source you read says (a real address, title, date or text)");
        }
    }

    internal static YamlNode? Parse(string displayPath, string text, DiagnosticBag bag)
    {
        if (!YamlLimits.Check(displayPath, text, bag)) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                bag.Error(Codes.NotAMapping, SourceSpan.FileOnly(displayPath), "file is empty",
                    "write the record's fields, starting with 'id:'");
                return null;
            }
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                bag.Error(Codes.YamlSyntax,
                    new SourceSpan(displayPath, (int)second.Start.Line, (int)second.Start.Column),
                    "file holds more than one YAML document", "one record per file: remove the '---' separator");
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var span = new SourceSpan(displayPath, (int)e.Start.Line, (int)e.Start.Column);
            var inner = e.InnerException?.Message ?? e.Message;
            if (inner.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                || inner.Contains("same key", StringComparison.OrdinalIgnoreCase))
                bag.Error(Codes.DuplicateKey, span, "a field appears twice in the same mapping",
                    "keep one of the two lines");
            else
                bag.Error(Codes.YamlSyntax, span, Clean(e.Message),
                    "check indentation, and quote values that contain ': ' or start with a special character");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // KB: YamlDotNet can fail without a YamlException on some malformed input; find where by
            // replaying the event stream and report the last position it reached.
            var span = LastGoodPosition(displayPath, text);
            if (e.Message.Contains("same key", StringComparison.OrdinalIgnoreCase))
                bag.Error(Codes.DuplicateKey, span, "a field appears twice in the same mapping",
                    "keep one of the two lines");
            else
                bag.Error(Codes.YamlSyntax, span, "the YAML here cannot be parsed",
                    "check brackets, quotes and indentation near this line");
            return null;
        }
    }

    private static SourceSpan LastGoodPosition(string displayPath, string text)
    {
        var parser = new Parser(new StringReader(text));
        var mark = YamlDotNet.Core.Mark.Empty;
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } current) mark = current.End;
        }
        catch (Exception)
        {
            // The position reached so far is what we want.
        }
        return new SourceSpan(displayPath, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes its messages with the position, which the diagnostic already carries.
        var idx = message.IndexOf("): ", StringComparison.Ordinal);
        return idx >= 0 && message.StartsWith('(') ? message[(idx + 3)..] : message;
    }

    private static SiteSettings? ReadSite(MappingReader r)
    {
        var title = r.String("title");
        var baseUrl = r.Url("base_url");
        var description = r.String("description", required: false) ?? "";
        var asOf = r.Date("as_of", required: false);
        var languages = r.Has("languages") ? r.StringList("languages") : ["en"];
        foreach (var language in languages.Where(l => l is not ("en" or "ur")))
            r.Bag.Error(Codes.InvalidValue, r.At("languages"),
                $"language '{language}' is not one the site is written in",
                "list en, and ur for the Urdu pages");
        if (!languages.Contains("en"))
            r.Bag.Error(Codes.InvalidValue, r.At("languages"), "the languages do not include English",
                "list en first: English pages are the site's root");
        string? form = null, email = null;
        if (r.Mapping("report", "report settings") is { } report)
        {
            form = report.Url("issue_form", required: false);
            email = report.String("email", required: false, maxLength: 254);
            if (email is not null && !System.Text.RegularExpressions.Regex.IsMatch(email,
                    @"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"))
            {
                r.Bag.Error(Codes.InvalidValue, report.At("email"), $"'{email}' is not an e-mail address",
                    "write the corrections mailbox, e.g. corrections@example.org");
                email = null;
            }
            report.Finish();
        }
        return title is null || baseUrl is null ? null
            : new SiteSettings(title, baseUrl.TrimEnd('/'), description, asOf)
                { ReportIssueForm = form, ReportEmail = email, Languages = languages };
    }

    /// <summary>A list of sources read: each with its address, kind and the day it was read.</summary>
    /// <summary>A verification level already checked against the vocabulary by OneOf.</summary>
    private static Verification Level(string name) => Parse<Verification>(name);

    /// <summary>A value OneOf has already checked against the enum's names.</summary>
    internal static T Parse<T>(string name) where T : struct, Enum =>
        YamlNames.TryParse<T>(name, out var value)
            ? value
            : throw new InvalidOperationException($"'{name}' passed OneOf but is not a {typeof(T).Name}");

    internal static IReadOnlyList<Source> ReadSources(MappingReader r, string key, bool required)
    {
        var list = new List<Source>();
        foreach (var item in r.MappingList(key, "source", required))
        {
            var url = item.Url("url");
            var kind = item.OneOf("kind", SourceKinds.All);
            var readOn = item.Date("read_on");
            var title = item.String("title", required: false, maxLength: 300);
            item.Finish();
            if (url is not null && kind is not null && readOn is not null)
                list.Add(new Source(url, kind, readOn.Value, title, item.Spans()));
        }
        return list;
    }

    private static IReadOnlyList<Term>? ReadTerms(MappingReader r, string key, string what)
    {
        var items = r.MappingList(key, what, required: true);
        var list = new List<Term>();
        foreach (var item in items)
        {
            var id = item.Id();
            var label = item.String("label", maxLength: 200);
            item.Finish();
            if (id is not null && label is not null) list.Add(new Term(id, label));
        }
        return list;
    }

    private static IReadOnlyList<SynonymGroup>? ReadSynonyms(MappingReader r)
    {
        return r.StringLists("groups")
            .Select(g => new SynonymGroup(g.Select(p => p.ToLowerInvariant()).ToList())).ToList();
    }

    /// <summary>
    /// Every file of a kind (generator/Kinds), read by the kind itself, in parallel, each into its own
    /// bag; results merge in file order. A file with another extension is reported and skipped.
    /// </summary>
    private static List<Kinds.KindRecord> LoadKind(string root, Kinds.RecordKind kind, DiagnosticBag bag,
        ParseCache? cache)
    {
        var dir = Path.Combine(root, kind.Folder);
        if (!Directory.Exists(dir)) return [];
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || name.Equals("README.md", StringComparison.OrdinalIgnoreCase)) continue;
            if (!name.EndsWith(kind.Extension, StringComparison.Ordinal))
            {
                bag.Warning(Codes.UnexpectedFile, SourceSpan.FileOnly(DisplayPath(file)),
                    $"only {kind.Extension} files are {kind.Name}s",
                    $"rename it to {kind.Extension}, or move it out of content/");
                continue;
            }
            files.Add(file);
        }
        var results = new (Kinds.KindRecord? Record, DiagnosticBag Bag)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var display = DisplayPath(files[i]);
            Kinds.KindRecord? Read(DiagnosticBag own) =>
                ContentFile.Read(files[i], own) is { } text ? kind.ReadFile(display, text, own) : null;
            results[i] = cache is null ? Fresh(Read) : cache.GetOrRead(files[i], Read);
        });
        var list = new List<Kinds.KindRecord>();
        foreach (var (record, own) in results)
        {
            bag.AddRange(own);
            if (record is not null) list.Add(record);
        }
        return list;
    }
}
