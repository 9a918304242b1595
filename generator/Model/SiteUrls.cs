namespace KnowledgeBase.Generator.Model;

/// <summary>
/// Every page's URL, derived from record ids only, so a published URL never changes while the id
/// does not. URLs are directory-style ("statutes/pk-penal-code-1860/"), site-relative, no leading slash.
/// </summary>
public static class SiteUrls
{
    public const string Home = "";
    public const string Compare = "compare/";
    public const string Findings = "findings/";
    public const string Search = "search/";
    public const string Data = "data/";
    public const string Mandates = "mandates/";
    public const string Timeline = "timeline/";
    public const string Changes = "changes/";
    public const string Statutes = "statutes/";
    public const string Institutions = "institutions/";
    public const string Topics = "topics/";
    public const string Articles = "articles/";
    public const string Jurisdictions = "jurisdictions/";
    public const string Glossary = "glossary/";
    public const string Translation = "translation/";

    public static string Jurisdiction(string id) => $"jurisdictions/{id}/";
    public static string Statute(string id) => $"statutes/{id}/";
    public static string Section(string statuteId, string number) =>
        $"statutes/{statuteId}/#{SectionAnchor.For(number)}";
    public static string Institution(string id) => $"institutions/{id}/";
    public static string Topic(string id) => $"topics/{id}/";
    public static string Answer(string topicId, string jurisdictionId) => $"topics/{topicId}/#answer-{jurisdictionId}";
    public static string Article(string id) => $"articles/{id}/";
    public static string Pair(string a, string b) => $"compare/{a}-vs-{b}/";
    public static string CompareAsOf(int year) =>
        $"compare/as-of/{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}/";

    /// <summary>The file a URL is written to.</summary>
    public static string FileOf(string url) => url.EndsWith('/') || url.Length == 0 ? url + "index.html" : url;

    /// <summary>
    /// A link from the page at <paramref name="from"/> to
    /// <paramref name="to"/>, relative so the site works under any base path.
    /// </summary>
    public static string Relative(string from, string to)
    {
        var depth = from.Count(c => c == '/');
        var prefix = string.Concat(Enumerable.Repeat("../", depth));
        var target = prefix + to;
        return target.Length == 0 ? "./" : target.StartsWith('#') ? "./" + target : target;
    }
}
