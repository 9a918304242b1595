using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>One cell of the matrix as it stood at the end of a year.</summary>
public sealed record AsOfCell(string Text, bool Changed, HistoryEntry? Entry);

/// <summary>
/// The comparison matrix read as of a year, from each answer's dated history. A cell without a
/// history shows today's answer once the law it cites exists, and says so when it did not yet.
/// </summary>
internal static class AsOfCells
{
    public static AsOfCell Cell(KnowledgeBaseModel kb, Topic t, Answer? a, int year, Func<Topic, Answer, string> today)
    {
        if (a is null) return new AsOfCell("no answer", false, null);
        var now = today(t, a);
        if (a.History.Count > 0)
        {
            var held = a.History.LastOrDefault(h => h.HeldAtEndOf(year));
            if (held is not null)
            {
                var text = ValueDisplay.Display(t, held.Value);
                return new AsOfCell(text, text != now, held);
            }
            if (year < a.History[0].From.Year)
                return new AsOfCell($"not recorded before {a.History[0].From.Year}", true, null);

            return new AsOfCell(now, false, null);
        }
        if (a.StatuteId is not null && kb.Statute(a.StatuteId) is { } s && s.Year > year)
            return new AsOfCell($"cited law not yet enacted ({s.Year})", true, null);
        return new AsOfCell(now, false, null);
    }
}
