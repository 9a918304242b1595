using System.Globalization;

namespace KnowledgeBase.Generator.Model;

/// <summary>A range answer as written in content ("5-16"): two whole numbers, the first not above the second.</summary>
public static class AgeRange
{
    public static bool TryParse(string value, out int low, out int high)
    {
        low = high = 0;
        var parts = value.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out low)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out high)
            && low <= high;
    }
}
