using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// How to cite a page or an answer: a plain-text citation, BibTeX and CSL-JSON, each with the
/// stable URL, the dataset version (the content's as-of date) and an access date. The access date
/// written into the page is the version date; a script replaces it with the reader's own day.
/// </summary>
internal static class Citations
{
    public static string Version(DateOnly asOf) => asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Plain(string site, string title, string url, DateOnly asOf) =>
        $"{site}, “{title}”, {url} (dataset version {Version(asOf)}; accessed {Version(asOf)}).";

    /// <summary>A BibTeX @misc entry; braces and TeX's special characters in the title are escaped.</summary>
    public static string BibTeX(string key, string site, string title, string url, DateOnly asOf)
    {
        static string Tex(string s)
        {
            var sb = new StringBuilder();
            foreach (var c in s)
                sb.Append(c switch
                {
                    '\\' => @"\textbackslash{}",
                    '{' or '}' or '%' or '&' or '#' or '_' or '$' => "\\" + c,
                    '~' => @"\textasciitilde{}",
                    '^' => @"\textasciicircum{}",
                    _ => c.ToString(),
                });
            return sb.ToString();
        }
        var v = Version(asOf);
        return "@misc{" + key + ",\n" +
               "  title = {" + Tex(title) + "},\n" +
               "  author = {{" + Tex(site) + "}},\n" +
               "  year = {" + asOf.Year.ToString(CultureInfo.InvariantCulture) + "},\n" +
               "  howpublished = {\\url{" + url + "}},\n" +
               "  version = {" + v + "},\n" +
               "  urldate = {" + v + "},\n" +
               "  note = {Dataset version " + v + "}\n" +
               "}";
    }

    public static string CslJson(string id, string site, string title, string url, DateOnly asOf)
    {
        int[] Parts(DateOnly d) => [d.Year, d.Month, d.Day];
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["type"] = "webpage",
            ["title"] = title,
            ["container-title"] = site,
            ["author"] = new[] { new Dictionary<string, string> { ["literal"] = site } },
            ["URL"] = url,
            ["version"] = Version(asOf),
            ["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { Parts(asOf) } },
            ["accessed"] = new Dictionary<string, object> { ["date-parts"] = new[] { Parts(asOf) } },
        }, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        });
    }

    /// <summary>A citation key from a URL path: "kb-topics-marriage-minimum-age-girls".</summary>
    public static string Key(string url) =>
        "kb-" + string.Join('-', url.Split('/', '#', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("http", StringComparison.Ordinal) && !p.Contains('.')));

}
