using System.Globalization;

namespace KnowledgeBase.Generator.Model;

/// <summary>
/// A date known to the year, the month or the day ("2015", "2022-05", "2024-04-09"): sources often
/// give only the year a law changed or the month a policy was approved. Compared by its first
/// possible day.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day, bool DayKnown) : IComparable<PartialDate>
{
    /// <summary>Known to the month but not the day ("2022-05").</summary>
    public bool MonthKnown { get; init; }

    public DateOnly First => new(Year, DayKnown || MonthKnown ? Month : 1, DayKnown ? Day : 1);

    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1800 and <= 2100)
        {
            date = new PartialDate(y, 1, 1, false);
            return true;
        }
        if (text.Length == 7
            && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var m)
            && m.Year is >= 1800 and <= 2100)
        {
            date = new PartialDate(m.Year, m.Month, 1, false) { MonthKnown = true };
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = new PartialDate(d.Year, d.Month, d.Day, true);
            return true;
        }
        return false;
    }

    public int CompareTo(PartialDate other) => First.CompareTo(other.First);

    public override string ToString() =>
        DayKnown ? First.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : MonthKnown ? First.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : Year.ToString(CultureInfo.InvariantCulture);

    public string Iso => DayKnown ? First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : MonthKnown ? First.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Year.ToString(CultureInfo.InvariantCulture);
}
