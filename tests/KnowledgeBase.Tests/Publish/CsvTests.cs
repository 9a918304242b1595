using System.Text;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Publish;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-1+cmd", "'-1+cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("-5", "-5")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("5-16", "5-16")]
    public void Should_neutralise_cells_a_spreadsheet_would_run_as_formulas(string cell, string written)
    {
        var csv = Encoding.UTF8.GetString(DataExport.Csv(["a"], [[cell]]));
        Assert.Equal("a\n" + written + "\n", csv);
    }

    [Fact]
    public void Should_write_every_csv_with_exactly_the_columns_the_data_page_documents()
    {
        var site = Sites.Build();
        var files = KnowledgeBase.Generator.Publish.DataExport.Files
            .Where(f => f.Name.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 9, string.Join(", ", files.Select(f => f.Name)));
        foreach (var file in files)
        {
            var header = System.Text.Encoding.UTF8.GetString(site["data/" + file.Name]).Split('\n')[0];
            Assert.Equal(string.Join(',', file.Columns.Select(c => c.Name)), header);
        }
        // And no CSV is written that the data page does not document
        Assert.Equal(files.Select(f => "data/" + f.Name).Order(StringComparer.Ordinal),
            site.Keys.Where(k => k.StartsWith("data/", StringComparison.Ordinal) && k.Count(c => c == '/') == 1
                && k.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
