using System.Globalization;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace KnowledgeBase.Generator.Load;

/// <summary>
/// Reads one YAML mapping into typed values, reporting every problem as a diagnostic with its
/// position instead of throwing, and remembering which keys were read so that <see cref="Finish"/>
/// can name the unknown ones (usually typos).
/// </summary>
internal sealed class MappingReader
{
    private readonly string _file;
    private readonly YamlMappingNode _node;
    private readonly DiagnosticBag _bag;
    private readonly string _what;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceSpan> _spans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Diagnostic> _missing = new(StringComparer.Ordinal);

    public MappingReader(string file, YamlMappingNode node, DiagnosticBag bag, string what)
    {
        _file = file;
        _node = node;
        _bag = bag;
        _what = what;
    }

    public SourceSpan Span => SpanOf(_node);

    public DiagnosticBag Bag => _bag;

    public string File => _file;

    public SourceSpan SpanOf(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    private YamlNode? Get(string key)
    {
        _known.Add(key);
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                _spans[key] = SpanOf(v);
                return v;
            }
        }
        return null;
    }

    public SourceSpan At(string key) => _spans.TryGetValue(key, out var s) ? s : Span;

    public Spans Spans() => new(Span, new Dictionary<string, SourceSpan>(_spans));

    private void Missing(string key, string hint) =>
        _missing[key] = _bag.Error(Codes.MissingField, Span, $"{_what} lacks required field '{key}'",
            string.IsNullOrEmpty(hint) ? $"add '{key}:' to the {_what}" : hint);

    /// <summary>
    /// The raw id scalar, even when the record failed to load (so references to it are not reported twice).
    /// </summary>
    public string? RawId() =>
        _node.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "id" }).Value
            is YamlScalarNode { Value: { } v } ? v.Trim() : null;

    public string? String(string key, bool required = true, string hint = "", int maxLength = 20_000)
    {
        var node = Get(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, hint);
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            _bag.Error(Codes.WrongType, SpanOf(node), $"'{key}' must be text, not a {Describe(node)}",
                $"write '{key}: some text' on one line or as a '|' block");
            return null;
        }
        var value = scalar.Value ?? "";
        if (value.Length > maxLength)
        {
            _bag.Error(Codes.TooLong, SpanOf(node),
                $"'{key}' is {value.Length:N0} characters long; the limit is {maxLength:N0}",
                "shorten it, or split the material into an article");
            return null;
        }
        if (required && string.IsNullOrWhiteSpace(value))
        {
            Missing(key, hint);
            return null;
        }
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string? Id(string key = "id")
    {
        var value = String(key, maxLength: 120);
        if (value is not null && !Ids.IsValid(value))
        {
            _bag.Error(Codes.BadId, At(key),
                Bidi.Find(value) is { } c
                    ? $"id contains the invisible bidirectional control U+{(int)c:X4}"
                    : $"'{value}' is not a valid id",
                "use lower-case letters, digits and single hyphens, e.g. 'punjab-child-act-2004'");
            return null;
        }
        return value;
    }

    public int? Int(string key, bool required = true, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            _bag.Error(Codes.WrongType, At(key), $"'{key}' must be a whole number, not '{Truncate(text)}'",
                $"write e.g. '{key}: 2018'");
            return null;
        }
        if (value < min || value > max)
        {
            _bag.Error(Codes.InvalidValue, At(key), $"'{key}' is {value}, outside {min}..{max}",
                "check the number against the source");
            return null;
        }
        return value;
    }

    public DateOnly? Date(string key, bool required = true)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date))
        {
            _bag.Error(Codes.BadDate, At(key), $"'{key}' is '{Truncate(text)}', not a date in the form YYYY-MM-DD",
                $"write e.g. '{key}: 2026-11-27'");
            return null;
        }
        return date;
    }

    /// <summary>A date known to the day ("2024-04-09"), the month ("2022-05") or only the year ("2015").</summary>
    public PartialDate? PartialDate(string key, bool required = true)
    {
        var text = String(key, required, maxLength: 20);
        if (text is null) return null;
        if (!Model.PartialDate.TryParse(text, out var date))
        {
            _bag.Error(Codes.BadDate, At(key),
                $"'{key}' is '{Truncate(text)}', not a year, a month (YYYY-MM) or a date in the form YYYY-MM-DD",
                $"write e.g. '{key}: 2015', '{key}: 2022-05' or '{key}: 2024-04-09'");
            return null;
        }
        return date;
    }

    /// <summary>Whether the mapping has the key; the key counts as read (its span is kept for diagnostics).</summary>
    public bool Has(string key) => Get(key) is not null;

    public string? Url(string key, bool required = true)
    {
        var text = String(key, required, maxLength: 2_000);
        if (text is null) return null;
        if (Bidi.Find(text) is { } control)
        {
            _bag.Error(Codes.BadUrl, At(key),
                $"'{key}' contains the invisible bidirectional control U+{(int)control:X4}",
                "retype the address: such characters make a link display differently from where it goes");
            return null;
        }
        if (!Urls.IsAbsoluteHttp(text))
        {
            _bag.Error(Codes.BadUrl, At(key), $"'{key}' is '{Truncate(text)}', not an absolute http(s) URL",
                "paste the full address of the page you read, starting with https://");
            return null;
        }
        return text;
    }

    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = true)
    {
        var text = String(key, required, maxLength: 200);
        if (text is null) return null;
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            _bag.Error(Codes.InvalidValue, At(key),
                $"'{key}' is '{Truncate(text)}'; allowed: {string.Join(", ", allowed)}",
                Suggest.Closest(text, allowed) is { } close
                    ? $"did you mean '{close}'?"
                    : "use one of the allowed values");
            return null;
        }
        return text;
    }

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, $"add '{key}: [a, b]'");
            return [];
        }
        if (node is not YamlSequenceNode seq)
        {
            _bag.Error(Codes.WrongType, SpanOf(node), $"'{key}' must be a list, not a {Describe(node)}",
                $"write '{key}: [a, b]'");
            return [];
        }
        var list = new List<string>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) list.Add(s.Value.Trim());
            else _bag.Error(Codes.WrongType, SpanOf(item), $"each item of '{key}' must be text, not a {Describe(item)}",
                "write plain words");
        }
        return list;
    }

    public IReadOnlyList<IReadOnlyList<string>> StringLists(string key)
    {
        var node = Get(key);
        if (node is null || IsNull(node)) return [];
        if (node is not YamlSequenceNode seq)
        {
            _bag.Error(Codes.WrongType, SpanOf(node), $"'{key}' must be a list of lists",
                $"write each group as '- [a, b]'");
            return [];
        }
        var result = new List<IReadOnlyList<string>>();
        foreach (var item in seq.Children)
        {
            if (item is YamlSequenceNode inner)
                result.Add(inner.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "").Trim())
                    .Where(s => s.Length > 0).ToList());
            else
                _bag.Error(Codes.WrongType, SpanOf(item), $"each item of '{key}' must be a list", "write '- [a, b]'");
        }
        return result;
    }

    public IReadOnlyList<MappingReader> MappingList(string key, string itemWhat, bool required = false)
    {
        var node = Get(key);
        if (node is null || IsNull(node))
        {
            if (required) Missing(key, $"add '{key}:' followed by '- ' items");
            return [];
        }
        if (node is not YamlSequenceNode seq)
        {
            _bag.Error(Codes.WrongType, SpanOf(node), $"'{key}' must be a list of {itemWhat}s, not a {Describe(node)}",
                $"write each {itemWhat} as a '- ' item under '{key}:'");
            return [];
        }
        var list = new List<MappingReader>();
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode m) list.Add(new MappingReader(_file, m, _bag, itemWhat));
            else _bag.Error(Codes.WrongType, SpanOf(item),
                $"each item of '{key}' must be a {itemWhat} (a mapping), not a {Describe(item)}",
                "write 'field: value' pairs under the '- '");
        }
        return list;
    }

    public MappingReader? Mapping(string key, string what)
    {
        var node = Get(key);
        if (node is null || IsNull(node)) return null;
        if (node is YamlMappingNode m) return new MappingReader(_file, m, _bag, what);
        _bag.Error(Codes.WrongType, SpanOf(node), $"'{key}' must be a mapping, not a {Describe(node)}",
            "write 'field: value' pairs indented under it");
        return null;
    }

    /// <summary>Reports each key that no reader method asked for.</summary>
    public void Finish()
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (_known.Contains(name)) continue;
            var close = Suggest.Closest(name, _known.ToList());
            // A misspelt required field is one mistake: report the typo, not also the missing field.
            if (close is not null && _missing.Remove(close, out var missing)) _bag.Remove(missing);
            _bag.Error(Codes.UnknownField, SpanOf(k), $"{_what} has unknown field '{Truncate(name)}'",
                close is null
                    ? $"remove it; known fields: {string.Join(", ", _known.Order(StringComparer.Ordinal))}"
                    : $"did you mean '{close}'?");
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "~" or "null" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain;

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "text",
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>
/// Invisible characters that reorder text on screen (the "Trojan Source" family): never in ids or addresses.
/// </summary>
internal static class Bidi
{
    public static char? Find(string text)
    {
        foreach (var c in text)
            if (c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
                return c;
        return null;
    }
}

internal static class Ids
{
    public static bool IsValid(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-') return false;
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c == '-' && id[i - 1] == '-') return false;
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return false;
        }
        return true;
    }
}

internal static class Urls
{
    public static bool IsAbsoluteHttp(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && !text.Any(char.IsWhiteSpace);
}

/// <summary>Closest candidate by edit distance, for "did you mean" hints.</summary>
public static class Suggest
{
    public static string? Closest(string text, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(text, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(2, Math.Max(text.Length, best.Length) / 2) ? best : null;
    }

    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
