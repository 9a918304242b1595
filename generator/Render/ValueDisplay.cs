using System.Globalization;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>How a value reads to a reader: "18 years", "5–16 years", "6 months", "Rs 50,000".</summary>
internal static class ValueDisplay
{
    public static string Display(Topic topic, string value) => topic.AnswerType switch
    {
        "age" => $"{value} years",
        "range" when AgeRange.TryParse(value, out var lo, out var hi) => $"{lo}–{hi} years",
        "number" when topic.Unit is "years" && Analyser.TryNumber(value, out var years) => Duration(years),
        "number" when topic.Unit is "rupees" && Analyser.TryNumber(value, out var rupees) =>
            "Rs " + rupees.ToString("#,0.##", CultureInfo.InvariantCulture),

        "number" when topic.Unit is not null => $"{value} {topic.Unit}",
        _ => value,
    };

    /// <summary>A length of time as a reader says it: "1 month", "6 months", "1 year", "2.5 years".</summary>
    public static string Duration(decimal years)
    {
        if (years > 0 && years < 1)
        {
            var months = (int)Math.Round(years * 12, MidpointRounding.AwayFromZero);
            return months <= 1 ? "1 month" : $"{months.ToString(CultureInfo.InvariantCulture)} months";
        }
        var text = years.ToString("0.##", CultureInfo.InvariantCulture);
        return years == 1 ? "1 year" : text + " years";
    }
}
