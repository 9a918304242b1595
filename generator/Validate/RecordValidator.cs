using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Validate;

/// <summary>
/// Stage 2, ValidateRecords: cross-record checks that no single file can make on its own —
/// unique ids, references that resolve, answers complete for their status, every jurisdiction
/// answered. Each kind (generator/Kinds) makes its own checks; the helpers they share are here.
/// Reports everything; throws nothing.
/// </summary>
public static class RecordValidator
{
    public static void Validate(KnowledgeBaseModel kb, DiagnosticBag bag, DateOnly today)
    {
        var checks = new Kinds.Checks(kb, bag, today);
        foreach (var kind in Kinds.RecordKinds.Every) kind.ValidateAll(kb, checks);
    }

    /// <summary>
    /// An alias is an old id: well formed, not the id of another record of its kind, and claimed by one record only.
    /// </summary>
    internal static void Aliases<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, IReadOnlyList<string>> aliases,
        Func<T, Spans> spans,
        string what, DiagnosticBag bag)
    {
        var ids = items.Select(id).ToHashSet(StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        foreach (var alias in aliases(item))
        {
            var at = spans(item).At("aliases");
            if (!Ids.IsValid(alias))
                bag.Error(Codes.BadId, at, $"alias '{alias}' is not lower-case kebab-case",
                    "write the old id exactly as it was published");
            else if (ids.Contains(alias))
                bag.Error(Codes.DuplicateId, at, $"alias '{alias}' of {what} '{id(item)}' is the id of another {what}",
                    "an alias is an id no record uses any more; remove it, or rename the other record");
            else if (!claimed.TryAdd(alias, id(item)))
                bag.Error(Codes.DuplicateId, at,
                    $"alias '{alias}' is claimed by {what}s '{claimed[alias]}' and '{id(item)}'",
                    "an old URL can redirect to one record only");
        }
    }

    internal static void Unique<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Spans> spans, string what,
        DiagnosticBag bag)
    {
        foreach (var group in items.GroupBy(id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = spans(group.First()).Record;
            foreach (var dup in group.Skip(1))
                bag.Error(Codes.DuplicateId, spans(dup).At("id"), $"{what} id '{group.Key}' is already used at {first}",
                    "ids are unique within a kind: rename one of them");
        }
    }

    internal static bool Ref(IEnumerable<string> known, string id, SourceSpan at, string what, DiagnosticBag bag,
        string extraHint = "")
    {
        var set = known as ICollection<string> ?? known.ToList();
        if (set.Contains(id)) return true;
        if (bag.Unloaded.Contains(id)) return false; // its own file's errors already explain it
        var close = Suggest.Closest(id, set.ToList());
        var hint = close is not null ? $"did you mean '{close}'?" : $"no {what} has this id";
        if (extraHint.Length > 0) hint += "; " + extraHint;
        bag.Error(Codes.UnknownReference, at, $"unknown {what} '{id}'", hint);
        return false;
    }

    internal static void SectionRef(Statute statute, string section, SourceSpan at, DiagnosticBag bag)
    {
        if (statute.FindSection(section) is not null) return;
        var close = Suggest.Closest(section, statute.Sections.Select(s => s.Number).ToList());
        bag.Error(Codes.UnknownSection, at, $"statute '{statute.Id}' lists no section '{section}'",
            close is not null ? $"did you mean '{close}'? otherwise add the section to {statute.Spans.Record.File}"
                : $"add the section to {statute.Spans.Record.File}");
    }

    internal static void FileNamed(Spans spans, string id, string? folder, DiagnosticBag bag)
    {
        var file = spans.Record.File;
        var name = Path.GetFileNameWithoutExtension(file);
        if (name != id)
            bag.Error(Codes.MisplacedFile, spans.At("id"),
                $"id '{id}' differs from the file name '{Path.GetFileName(file)}'",
                $"rename the file to '{id}{Path.GetExtension(file)}' (the id is the page's URL)");
        if (folder is not null)
        {
            var dir = Path.GetFileName(Path.GetDirectoryName(file) ?? "");
            if (dir != folder)
                bag.Error(Codes.MisplacedFile, spans.At("jurisdiction"),
                    $"record of jurisdiction '{folder}' is in folder '{dir}'",
                    $"move the file into the '{folder}' folder");
        }
    }

    internal static void NotFuture(DateOnly date, SourceSpan at, DateOnly today, DiagnosticBag bag)
    {
        if (date > today)
            bag.Error(Codes.FutureDate, at, $"date {date:yyyy-MM-dd} is in the future",
                "write the day the source was actually read");
    }
}
