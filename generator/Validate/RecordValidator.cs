using System.Globalization;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Validate;

/// <summary>
/// Stage 2, ValidateRecords: cross-record checks that no single file can make on its own —
/// unique ids, references that resolve, answers complete for their status, every jurisdiction
/// answered. Reports everything; throws nothing.
/// </summary>
public static class RecordValidator
{
    public static void Validate(KnowledgeBaseModel kb, DiagnosticBag bag, DateOnly today)
    {
        var jurisdictions = kb.Jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var themes = kb.Themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var functions = kb.MandateFunctions.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var statutes = kb.Statutes.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var institutions = kb.Institutions.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

        Unique(kb.Jurisdictions, j => j.Id, j => j.Spans, "jurisdiction", bag);
        Unique(kb.Institutions, s => s.Id, s => s.Spans, "institution", bag);
        Unique(kb.Topics, s => s.Id, s => s.Spans, "topic", bag);
        Aliases(kb.Institutions, s => s.Id, s => s.Aliases, s => s.Spans, "institution", bag);
        Aliases(kb.Topics, s => s.Id, s => s.Aliases, s => s.Spans, "topic", bag);
        var checks = new Kinds.Checks(kb, bag, today);
        foreach (var kind in Kinds.RecordKinds.Every) kind.ValidateAll(kb, checks);

        foreach (var j in kb.Jurisdictions) FileNamed(j.Spans, j.Id, null, bag);

        foreach (var i in kb.Institutions)
        {
            FileNamed(i.Spans, i.Id, i.JurisdictionId, bag);
            Ref(jurisdictions, i.JurisdictionId, i.Spans.At("jurisdiction"), "jurisdiction", bag);
            foreach (var j in i.Reach) Ref(jurisdictions, j, i.Spans.At("reach"), "jurisdiction", bag);
            NotFuture(i.CheckedOn, i.Spans.At("checked_on"), today, bag);
            AnswerRules.ForReaders(i.Notes, i.Spans.At("notes"), "notes", bag, limitWords: false);
            AnswerRules.ForReaders(i.Research, i.Spans.At("research"), "research trail", bag, limitWords: false);
            if (i.StatuteId is not null && Ref(statutes.Keys, i.StatuteId, i.Spans.At("statute"), "statute", bag) && i.StatuteSection is not null)
                SectionRef(statutes[i.StatuteId], i.StatuteSection, i.Spans.At("statute_section"), bag);
            if (i.StatuteId is null && i.StatuteSection is not null)
                bag.Error(Codes.IncompleteAnswer, i.Spans.At("statute_section"), "'statute_section' is given without 'statute'",
                    "name the founding statute's id in 'statute:'");
            foreach (var m in i.Mandates)
            {
                Ref(functions, m.Function, m.Spans.At("function"), "mandate function", bag,
                    "mandate functions are listed in content/taxonomy/mandate-functions.yaml");
                var statuteId = m.StatuteId ?? i.StatuteId;
                if (m.StatuteId is not null && !Ref(statutes.Keys, m.StatuteId, m.Spans.At("statute"), "statute", bag)) continue;
                if (m.Section is null) continue;
                if (statuteId is null)
                    bag.Error(Codes.IncompleteAnswer, m.Spans.At("section"), "mandate cites a section but no statute",
                        "give the institution a 'statute:' or the mandate its own 'statute:'");
                else if (statutes.TryGetValue(statuteId, out var st))
                    SectionRef(st, m.Section, m.Spans.At("section"), bag);
            }
        }

        var compared = kb.Compared.Select(j => j.Id).ToList();
        foreach (var t in kb.Topics)
        {
            FileNamed(t.Spans, t.Id, null, bag);
            Ref(themes, t.Theme, t.Spans.At("theme"), "theme", bag, "themes are listed in content/taxonomy/themes.yaml");
            if (t.Benchmark is { } b && !ValueFits(t.AnswerType, b.Value))
                bag.Error(Codes.ValueShape, b.Spans.At("value"), $"benchmark value '{b.Value}' does not fit answer type '{t.AnswerType}'", ShapeHint(t.AnswerType));
            foreach (var a in t.Answers) ValidateAnswer(t, a, jurisdictions, statutes, institutions, today, bag);
            if (t.Coding is null)
                bag.Warning(Codes.MissingCoding, t.Spans.Record, $"topic '{t.Id}' has no coding rules",
                    "add 'coding:' with 'value' (what the answer records) and 'no_provision' (when a jurisdiction is coded as having none)");
            AnswerRules.Consistency(t, statutes, bag);
            AnswerRules.Restated(t, kb, bag);
            foreach (var dup in t.Answers.GroupBy(a => a.JurisdictionId).Where(g => g.Count() > 1))
                bag.Error(Codes.DuplicateAnswer, dup.Skip(1).First().Spans.Record,
                    $"topic '{t.Id}' answers '{dup.Key}' {dup.Count()} times", "keep one answer per jurisdiction");
            foreach (var j in compared.Where(j => t.Answers.All(a => a.JurisdictionId != j)))
                bag.Error(Codes.MissingAnswer, t.Spans.At("answers"), $"topic '{t.Id}' has no answer for '{j}'",
                    $"add an answer for '{j}'; if nobody has looked yet, use status: not-researched with a note");
        }

    }

    private static void ValidateAnswer(Topic t, Answer a, HashSet<string> jurisdictions, Dictionary<string, Statute> statutes,
        HashSet<string> institutions, DateOnly today, DiagnosticBag bag)
    {
        Ref(jurisdictions, a.JurisdictionId, a.Spans.At("jurisdiction"), "jurisdiction", bag);
        foreach (var i in a.Institutions) Ref(institutions, i, a.Spans.At("institutions"), "institution", bag);
        AnswerRules.Check(t, a, statutes, today, bag);
        if (a.Value is not null && a.IsAnswered && !ValueFits(t.AnswerType, a.Value))
            bag.Error(Codes.ValueShape, a.Spans.At("value"), $"value '{a.Value}' does not fit answer type '{t.AnswerType}' of topic '{t.Id}'",
                ShapeHint(t.AnswerType));
        if (a.StatuteId is not null && Ref(statutes.Keys, a.StatuteId, a.Spans.At("statute"), "statute", bag) && a.Section is not null)
            SectionRef(statutes[a.StatuteId], a.Section, a.Spans.At("section"), bag);
        foreach (var r in a.Readings)
        {
            if (a.IsDisputed && !ValueFits(t.AnswerType, r.Value))
                bag.Error(Codes.ValueShape, r.Spans.At("value"), $"reading '{r.Value}' does not fit answer type '{t.AnswerType}'", ShapeHint(t.AnswerType));
            if (r.StatuteId is not null && Ref(statutes.Keys, r.StatuteId, r.Spans.At("statute"), "statute", bag) && r.Section is not null)
                SectionRef(statutes[r.StatuteId], r.Section, r.Spans.At("section"), bag);
        }
    }

    internal static bool ValueFits(string answerType, string value) => answerType switch
    {
        "age" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 30,
        "number" => decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
        "yes-no" => value is "yes" or "no",
        "range" => AgeRange.TryParse(value, out _, out _),
        _ => true,
    };

    private static string ShapeHint(string answerType) => answerType switch
    {
        "age" => "write a whole number of years, e.g. value: \"18\"",
        "number" => "write a plain number, e.g. value: \"3\" or \"0.5\"",
        "yes-no" => "write value: \"yes\" or value: \"no\"",
        "range" => "write two whole numbers joined by a hyphen, e.g. value: \"5-16\"",
        _ => "",
    };

    /// <summary>An alias is an old id: well formed, not the id of another record of its kind, and claimed by one record only.</summary>
    internal static void Aliases<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, IReadOnlyList<string>> aliases, Func<T, Spans> spans,
        string what, DiagnosticBag bag)
    {
        var ids = items.Select(id).ToHashSet(StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        foreach (var alias in aliases(item))
        {
            var at = spans(item).At("aliases");
            if (!Ids.IsValid(alias))
                bag.Error(Codes.BadId, at, $"alias '{alias}' is not lower-case kebab-case", "write the old id exactly as it was published");
            else if (ids.Contains(alias))
                bag.Error(Codes.DuplicateId, at, $"alias '{alias}' of {what} '{id(item)}' is the id of another {what}",
                    "an alias is an id no record uses any more; remove it, or rename the other record");
            else if (!claimed.TryAdd(alias, id(item)))
                bag.Error(Codes.DuplicateId, at, $"alias '{alias}' is claimed by {what}s '{claimed[alias]}' and '{id(item)}'",
                    "an old URL can redirect to one record only");
        }
    }

    internal static void Unique<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Spans> spans, string what, DiagnosticBag bag)
    {
        foreach (var group in items.GroupBy(id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = spans(group.First()).Record;
            foreach (var dup in group.Skip(1))
                bag.Error(Codes.DuplicateId, spans(dup).At("id"), $"{what} id '{group.Key}' is already used at {first}",
                    "ids are unique within a kind: rename one of them");
        }
    }

    internal static bool Ref(IEnumerable<string> known, string id, SourceSpan at, string what, DiagnosticBag bag, string extraHint = "")
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
            bag.Error(Codes.MisplacedFile, spans.At("id"), $"id '{id}' differs from the file name '{Path.GetFileName(file)}'",
                $"rename the file to '{id}{Path.GetExtension(file)}' (the id is the page's URL)");
        if (folder is not null)
        {
            var dir = Path.GetFileName(Path.GetDirectoryName(file) ?? "");
            if (dir != folder)
                bag.Error(Codes.MisplacedFile, spans.At("jurisdiction"), $"record of jurisdiction '{folder}' is in folder '{dir}'",
                    $"move the file into the '{folder}' folder");
        }
    }

    internal static void NotFuture(DateOnly date, SourceSpan at, DateOnly today, DiagnosticBag bag)
    {
        if (date > today)
            bag.Error(Codes.FutureDate, at, $"date {date:yyyy-MM-dd} is in the future", "write the day the source was actually read");
    }
}
