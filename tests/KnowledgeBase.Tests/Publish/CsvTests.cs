using System.Text;
using KnowledgeBase.Generator.Publish;

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
}
