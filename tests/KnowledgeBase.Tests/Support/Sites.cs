using System.Text;
using AngleSharp.Html.Parser;
using KnowledgeBase.Generator;

namespace KnowledgeBase.Tests.Support;

/// <summary>Builds a copy of the fixture content (after an optional edit) and parses its pages.</summary>
public static class Sites
{
    public static SortedDictionary<string, byte[]> Build(Action<TempContent>? mutate = null)
    {
        using var content = new TempContent();
        mutate?.Invoke(content);
        var result = Pipeline.Build(content.Content, Checks.Today);
        Assert.True(result.Site is not null, string.Join('\n', result.Check.Diagnostics));
        return result.Site!;
    }

    public static AngleSharp.Html.Dom.IHtmlDocument Page(SortedDictionary<string, byte[]> site, string path) =>
        new HtmlParser().ParseDocument(Encoding.UTF8.GetString(site[path]));
}
