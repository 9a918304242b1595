namespace KnowledgeBase.Generator.Diagnostics;

public sealed record DiagnosticCode(string Id, string Title);

/// <summary>
/// Every diagnostic the build can report, grouped by area. Codes are stable: editors, CI logs and
/// the README refer to them, so a code is never reused for a different problem.
/// </summary>
public static class Codes
{
    // KB1xxx: reading files
    public static readonly DiagnosticCode YamlSyntax = new("KB1001", "YAML syntax error");
    public static readonly DiagnosticCode DuplicateKey = new("KB1002", "duplicate key in a mapping");
    public static readonly DiagnosticCode NotAMapping = new("KB1003", "a record must be a YAML mapping");
    public static readonly DiagnosticCode FrontMatter = new("KB1004", "article front matter missing or malformed");
    public static readonly DiagnosticCode UnreadableFile = new("KB1005", "file cannot be read");
    public static readonly DiagnosticCode UnexpectedFile = new("KB1006", "file in a place the loader does not read");
    public static readonly DiagnosticCode FileTooLarge = new("KB1007", "file larger than the limit");
    public static readonly DiagnosticCode TooDeep = new("KB1008", "YAML nested deeper than the limit");
    public static readonly DiagnosticCode AliasNotAllowed = new("KB1009", "YAML alias in content");

    // KB2xxx: record shape
    public static readonly DiagnosticCode UnknownField = new("KB2001", "unknown field");
    public static readonly DiagnosticCode MissingField = new("KB2002", "required field missing");
    public static readonly DiagnosticCode WrongType = new("KB2003", "value has the wrong type");
    public static readonly DiagnosticCode InvalidValue = new("KB2004", "value not allowed");
    public static readonly DiagnosticCode BadDate = new("KB2005", "not an ISO date");
    public static readonly DiagnosticCode BadUrl = new("KB2006", "not an absolute http(s) URL");
    public static readonly DiagnosticCode BadId = new("KB2007", "id is not lower-case kebab-case");
    public static readonly DiagnosticCode TooLong = new("KB2008", "text longer than the limit");

    // KB3xxx: cross-record consistency
    public static readonly DiagnosticCode DuplicateId = new("KB3001", "id used twice");
    public static readonly DiagnosticCode UnknownReference = new("KB3002", "reference to an id that does not exist");
    public static readonly DiagnosticCode UnknownSection =
        new("KB3003", "reference to a section the statute does not list");
    public static readonly DiagnosticCode MisplacedFile =
        new("KB3004", "file name or folder disagrees with the record");
    public static readonly DiagnosticCode IncompleteAnswer = new("KB3005", "answer lacks what its status requires");
    public static readonly DiagnosticCode MissingAnswer = new("KB3006", "topic lacks an answer for a jurisdiction");
    public static readonly DiagnosticCode DuplicateAnswer = new("KB3007", "topic answers a jurisdiction twice");
    public static readonly DiagnosticCode ValueShape =
        new("KB3008", "answer value does not fit the topic's answer type");
    public static readonly DiagnosticCode DuplicateSection = new("KB3009", "section number listed twice");
    public static readonly DiagnosticCode FutureDate = new("KB3010", "date in the future");
    public static readonly DiagnosticCode NoteForReaders =
        new("KB3011", "note is a research log, not a note for readers");
    public static readonly DiagnosticCode InconsistentCoding =
        new("KB3012", "the same law is coded differently in two jurisdictions");
    public static readonly DiagnosticCode RestatedField = new("KB3013", "answer disagrees with the record it restates");
    public static readonly DiagnosticCode OrdinanceLapsed = new("KB3014", "ordinance past its constitutional life");
    public static readonly DiagnosticCode MissingQuote =
        new("KB3015", "answer read in the text lacks the operative words");
    public static readonly DiagnosticCode HistoryOrder = new("KB3016", "history entries out of order or inconsistent");
    public static readonly DiagnosticCode MissingCoding = new("KB3017", "topic lacks its coding rules");
    public static readonly DiagnosticCode Placeholder = new("KB3018", "placeholder left from kb new");
    public static readonly DiagnosticCode MissingTranslation =
        new("KB3019", "interface string shown on an Urdu page has no Urdu entry");

    /// <summary>Every code, found by reflection over the fields above, so none can be left out of the list.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(Codes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Id, StringComparer.Ordinal)
        .ToList();
}
