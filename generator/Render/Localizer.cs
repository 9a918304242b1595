using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Puts a page's interface into Urdu as it is written. Pages are built once per language from the
/// same code, in English words; when an Urdu page is written, every text node and every
/// human-readable attribute (aria-label, title, placeholder, alt, data-label) is looked up in the
/// catalogue (content/i18n/ur/): first whole, then against the entries that have placeholders
/// ("{0} of {1}"), whose captured parts are looked up in turn (so a jurisdiction's or theme's name
/// inside a sentence is translated too; a slot written "{0!}" keeps a record's own words as they are, and
/// one written "{0#}" takes a number only).
/// Text that comes from records is marked as content
/// (<see cref="ContentText"/>) and left in its own language. An interface string with no entry is
/// recorded in <see cref="Missing"/>, and the build fails naming it: nothing English slips into an
/// Urdu page unmarked.
/// </summary>
internal sealed partial class Localizer
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);
    private readonly List<(Regex Pattern, string Urdu, int Slots, HashSet<int> Kept)> _patterns = [];

    public Localizer(Translations translations)
    {
        foreach (var s in translations.Strings)
        {
            _entries.TryAdd(s.En, Plain(s.Ur));
            if (s.En.Contains('{', StringComparison.Ordinal))
            {
                var pattern = Compile(s.En, out var slots, out var kept);
                _patterns.Add((pattern, Plain(s.Ur), slots, kept));
            }
            else _exact.TryAdd(s.En, s.Ur);
        }
        // The longest pattern first: "{0} of {1} answers" before "{0} of {1}".
        _patterns.Sort((a, b) => b.Pattern.ToString().Length.CompareTo(a.Pattern.ToString().Length));
    }

    /// <summary>
    /// Interface strings that had no Urdu entry while pages were written, with a page that showed each.
    /// </summary>
    public ConcurrentDictionary<string, string> Missing { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The Urdu of <paramref name="text"/>: the text itself when it needs none (no Latin letters), null
    /// when the catalogue has none.
    /// </summary>
    public string? Translate(string text, string page, bool strict = true)
    {
        if (!NeedsTranslation(text)) return IsolateNumbers(text);
        var (lead, core, trail) = Trim(text);
        if (_exact.TryGetValue(core, out var urdu)) return lead + urdu + trail;
        foreach (var (pattern, template, slots, kept) in _patterns)
        {
            var m = pattern.Match(core);
            if (!m.Success) continue;
            var parts = new string[slots];
            var ok = true;
            for (var i = 0; i < slots && ok; i++)
            {
                var part = m.Groups["p" + i].Value;
                // A kept slot ("{0!}") holds a record's own words: written as they are, isolated so that
                // English inside an Urdu sentence keeps its order.
                var translated = kept.Contains(i) ? (NeedsTranslation(part) ? Isolate + part + EndIsolate : part)
                    : NeedsTranslation(part) ? Translate(part, page, strict: false) : IsolateNumbers(part);
                if (translated is null) ok = false;
                else parts[i] = translated;
            }
            if (ok) return lead + Fill(template, parts) + trail;
        }
        if (strict) Missing.TryAdd(core, page);
        return null;
    }

    /// <summary>
    /// The catalogue's Urdu for each of <paramref name="keys"/> as written (patterns with their {0} slots),
    /// for a script that fills them in; a key with no entry is recorded as missing.
    /// </summary>
    public IReadOnlyDictionary<string, string> Entries(IEnumerable<string> keys, string page)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_entries.TryGetValue(key, out var urdu)) map[key] = urdu;
            else Missing.TryAdd(key, page);
        }
        return map;
    }

    /// <summary>
    /// Text with a Latin letter is English and needs an entry; numbers, dashes and punctuation do not.
    /// </summary>
    public static bool NeedsTranslation(string text)
    {
        foreach (var c in text)
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') return true;
        return false;
    }

    // Spaces and joining punctuation around a fragment ("Sources: ", " — ") belong to the layout, not the entry.
    private static (string Lead, string Core, string Trail) Trim(string text)
    {
        var start = 0;
        while (start < text.Length && IsEdge(text[start])) start++;
        var end = text.Length;
        while (end > start && IsEdge(text[end - 1])) end--;
        // A bracket that closes one opened inside the text belongs to it: "(CRC and others)" stays whole.
        var core = text[start..end];
        while (end < text.Length && text[end] == ')' && core.Count(c => c == '(') > core.Count(c => c == ')'))
            core = text[start..++end];
        while (start > 0 && text[start - 1] == '(' && core.Count(c => c == ')') > core.Count(c => c == '('))
            core = text[--start..end];
        return (text[..start], core, text[end..]);
    }

    private static bool IsEdge(char c) =>
        char.IsWhiteSpace(c) || c is '—' or '·' or '(' or ')' or ',' or ';' or '–';

    // The Urdu side may mark its slots as the English does; it is filled by number alone.
    private static string Plain(string urdu) =>
        urdu.Replace("!}", "}", StringComparison.Ordinal).Replace("#}", "}", StringComparison.Ordinal);

    /// <summary>
    /// Numbers joined by hyphens, dashes, slashes or colons ("2017-18", "2026-12-07") isolated left to right:
    /// in Urdu text the bidi algorithm would otherwise read each number as Arabic and swap their order.
    /// </summary>
    internal static string IsolateNumbers(string text) =>
        text.Any(char.IsAsciiDigit) ? JoinedNumbers().Replace(text, m => LeftToRight + m.Value + EndIsolate) : text;

    [GeneratedRegex(@"\d+(?:[-–/:.]\d+)+")]
    private static partial Regex JoinedNumbers();

    // Unicode's left-to-right isolate.
    private const char LeftToRight = '\u2066';

    // Unicode's first-strong isolate and its closing mark: bidi isolation in plain text.
    private const char Isolate = '\u2068';
    private const char EndIsolate = '\u2069';

    private static Regex Compile(string english, out int slots, out HashSet<int> kept)
    {
        var sb = new StringBuilder("^");
        var count = 0;
        kept = [];
        foreach (var piece in Regex.Split(english, @"(\{\d+[!#]?\})"))
        {
            var slot = Regex.Match(piece, @"^\{(\d+)([!#]?)\}$");
            if (slot.Success)
            {
                if (slot.Groups[2].Value == "!") kept.Add(Number(slot.Groups[1].Value));
                // A number slot ("{0#}") takes digits only, so "approved, June 2025" is a list, not a date.
                sb.Append("(?<p").Append(slot.Groups[1].Value)
                    .Append(slot.Groups[2].Value == "#" ? @">\d[\d,.]*)" : ">.+?)");
                count = Math.Max(count, Number(slot.Groups[1].Value) + 1);
            }
            else sb.Append(Regex.Escape(piece));
        }
        slots = count;
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static string Fill(string template, string[] parts) =>
        Regex.Replace(template, @"\{(\d+)\}", m => parts[Number(m.Groups[1].Value)]);

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
