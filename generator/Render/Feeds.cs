using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Atom feeds of what changed: one for everything and one per compared jurisdiction, for staff who
/// follow one province. Written with XmlWriter, so content is always escaped text.
/// </summary>
internal static class Feeds
{
    public static string Url(string? jurisdiction) =>
        SiteUrls.Changes + (jurisdiction is null ? "feed.xml" : $"feed-{jurisdiction}.xml");

    public static byte[] Atom(KnowledgeBaseModel kb, History.GitHistory? history, string? jurisdiction)
    {
        var entries = new List<(DateOnly Date, string Id, string Title, string Url, string Summary)>();
        if (history is not null)
        {
            var records = ChangeText.Records(kb, history);
            foreach (var (file, change) in history.All)
            {
                if (!records.TryGetValue(file, out var r)) continue;
                var lines = change.Lines;
                if (jurisdiction is not null)
                {
                    // A topic concerns a province when its change names the province's answer.
                    var isTopic = file.StartsWith("topics/", StringComparison.Ordinal);
                    if (isTopic
                        ? lines.Count > 0
                            && !lines.Any(l => l.StartsWith(jurisdiction + ":", StringComparison.Ordinal))
                        : !r.Concerns(jurisdiction)) continue;
                    if (isTopic && lines.Count > 0)
                        lines = lines.Where(l => l.StartsWith(jurisdiction + ":", StringComparison.Ordinal)).ToList();
                }
                var summary = change.Subject + (lines.Count == 0
                    ? ""
                    : "\n" + string.Join("\n", lines.Select(l => ChangeText.Describe(kb, l))));
                entries.Add((change.Date, $"{change.Commit}/{file}",
                    $"{r.Title}: {RecordPages.Short(change.Subject, 120)}", kb.Site.BaseUrl + "/" + r.Url, summary));

            }
        }
        var host = Uri.TryCreate(kb.Site.BaseUrl, UriKind.Absolute, out var u) ? u.Host : "localhost";
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings
            { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = true, NewLineChars = "\n" }))
        {
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", kb.Site.Title + " — what changed" +
                (jurisdiction is null ? "" : " in " + kb.JurisdictionName(jurisdiction)));

            w.WriteElementString("id", $"{kb.Site.BaseUrl}/{Url(jurisdiction)}");
            w.WriteElementString("updated", Stamp(entries.Count == 0 ? kb.AsOf : entries.Max(e => e.Date)));
            w.WriteStartElement("link");
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("href", $"{kb.Site.BaseUrl}/{Url(jurisdiction)}");
            w.WriteEndElement();
            w.WriteStartElement("link");
            w.WriteAttributeString("href", $"{kb.Site.BaseUrl}/{SiteUrls.Changes}");
            w.WriteEndElement();
            w.WriteStartElement("author");
            w.WriteElementString("name", kb.Site.Title);
            w.WriteEndElement();
            foreach (var e in entries.Take(200))
            {
                w.WriteStartElement("entry");
                w.WriteElementString("title", e.Title);
                w.WriteElementString("id",
                    $"tag:{host},{e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{e.Id}");

                w.WriteElementString("updated", Stamp(e.Date));
                w.WriteStartElement("link");
                w.WriteAttributeString("href", e.Url);
                w.WriteEndElement();
                w.WriteElementString("summary", e.Summary);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb + "\n");
    }

    private static string Stamp(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
