using System.Diagnostics;
using System.Text;
using CsCheck;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Load;

/// <summary>
/// Hostile edits of the real content: every mutated file is a diagnostic with a position, never a
/// crash or a hang. `kb check` runs in a child process, so a stack overflow fails this test
/// instead of killing the test run.
/// </summary>
// The slow tier: equivalence, fuzz and kill tests. `--filter "Tier!=slow"` runs the fast tier alone.
[Trait("Tier", "slow")]
public sealed class ContentFuzzTests
{
    private static readonly string[] Records = Directory
        .EnumerateFiles(Paths.RealContent, "*.yaml", SearchOption.AllDirectories)
        .Where(f =>
            !f.Contains($"{Path.DirectorySeparatorChar}schemas{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal).ToArray();

    /// <summary>One hostile edit of a text, by kind.</summary>
    private static string Mutate(string text, int kind, int at, int size, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = at % Math.Max(1, lines.Count);
        switch (kind)
        {
            case 0: return text[..(at % Math.Max(1, text.Length))]; // truncation
            case 1: lines.RemoveAt(line); break; // deleted line
            case 2: lines.Insert(line, lines[line]); break; // duplicated line (often a duplicate key)
            case 3: lines[line] = new string(' ', size % 7) + lines[line].TrimStart(); break; // indentation
            case 4: lines[line] = "\t" + lines[line]; break; // tab
            case 5: // random bytes
                var bytes = new byte[1 + size % 16];
                random.NextBytes(bytes);
                return text.Insert(at % Math.Max(1, text.Length), Encoding.Latin1.GetString(bytes));
            case 6: return "\uFEFF" + text; // byte order mark
            case 7: return text.Replace("\n", "\r\n", StringComparison.Ordinal); // CRLF
            case 8: lines.Insert(Math.Min(1, lines.Count), lines[0]); break; // duplicate first key
            case 9:
                lines[line] = lines[line].Contains(": ")
                    ? lines[line][..(lines[line].IndexOf(": ", StringComparison.Ordinal) + 2)] + "[1, {a: b}]"
                    : lines[line];
                break; // wrong type
            case 10:
                lines.Add("deep: " + new string('[', 20_000 + size) + new string(']', 20_000 + size));
                break; // deep nesting
            default: // alias bomb
                lines.Add("b0: &b0 [x, x, x, x, x, x, x, x, x]");
                for (var i = 1; i < 9; i++)
                    lines.Add($"b{i}: &b{i} [*b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}]");
                lines.Add("? *b8\n: x");
                break;
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public void Should_answer_every_hostile_edit_with_diagnostics_in_bounded_time()
    {
        // Eight rounds; each mutates 40 real records at once and checks the whole folder in one child process.
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            using var content = new TempContent(Paths.RealContent);
            var mutated = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                var file = Records[random.Next(Records.Length)];
                var relative = Path.GetRelativePath(Paths.RealContent, file);
                var text = content.Read(relative);
                content.Write(relative, Mutate(text, i % 12, random.Next(1 << 20), random.Next(1000), random));
                mutated.Add(relative.Replace('\\', '/'));
            }
            var clock = Stopwatch.StartNew();
            var r = KbProcess.Run(content.Root, "check", "--content", "content");
            // Exit 0 (an edit YAML still reads the same) or 1 with diagnostics; never 3, never a crash, quickly.
            Assert.True(r.ExitCode is 0 or 1,
                $"seed {seed}: exit {r.ExitCode}\n{r.Err[..Math.Min(2000, r.Err.Length)]}");
            Assert.DoesNotContain("unexpected failure", r.Err);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"seed {seed}: took {clock.Elapsed}");
            if (r.ExitCode == 1)
                Assert.Matches(@"content/\S+:\d+:\d+: error KB\d{4}: ", r.Err);
            TestContext.Current.SendDiagnosticMessage(
                $"fuzz seed {seed}: exit {r.ExitCode}, {r.Err.Split('\n').Count(l => l.Contains(": error KB"))} " +
                $"errors in {clock.Elapsed.TotalSeconds:F1} s");
        }, iter: 8, threads: 1);
    }
}
