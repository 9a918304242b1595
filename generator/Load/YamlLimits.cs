using KnowledgeBase.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KnowledgeBase.Generator.Load;

/// <summary>
/// Checks a YAML text against the content limits by streaming its events, before any tree is
/// built: YamlDotNet builds the tree recursively (deep nesting overflows the stack) and expands
/// aliases (an alias bomb costs time exponential in its depth). Content needs neither.
/// </summary>
internal static class YamlLimits
{
    /// <summary>True when the text is within the limits; otherwise one diagnostic at the breach.</summary>
    public static bool Check(string displayPath, string text, DiagnosticBag bag)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current;
                SourceSpan At() => new(displayPath, (int)e!.Start.Line, (int)e.Start.Column);
                switch (e)
                {
                    case MappingStart or SequenceStart when ++depth > Limits.NestingDepth:
                        bag.Error(Codes.TooDeep, At(), $"YAML is nested more than {Limits.NestingDepth} levels deep",
                            "records are a few levels deep: check for runaway brackets or indentation");
                        return false;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case AnchorAlias:
                        bag.Error(Codes.AliasNotAllowed, At(), "YAML aliases ('*name') are not allowed in content",
                            "write the value out in full where it is needed");
                        return false;
                    case Scalar { Value.Length: > Limits.ScalarChars } s:
                        bag.Error(Codes.TooLong, At(),
                            $"a value is {s.Value.Length:N0} characters long; the limit is {Limits.ScalarChars:N0}",
                            "shorten it, or move long text into an article");
                        return false;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // Syntax errors are reported, with their position, by the parse that follows.
        }
        return true;
    }
}
