using System.Globalization;

namespace KnowledgeBase.Generator.Model;

/// <summary>
/// A date known to the year, or to the day ("2015", "2024-04-09"): sources often give only the
/// year a law changed. Compared by its first possible day.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day, bool DayKnown) : IComparable<PartialDate>
{
    public DateOnly First => new(Year, DayKnown ? Month : 1, DayKnown ? Day : 1);

    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2100)
        {
            date = new PartialDate(y, 1, 1, false);
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
        DayKnown ? First.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : Year.ToString(CultureInfo.InvariantCulture);

    public string Iso => DayKnown ? First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Year.ToString(CultureInfo.InvariantCulture);
}
