using System.Globalization;
using System.Text;

namespace KnowledgeBase.Generator.Bench;

/// <summary>
/// `kb synth`: writes a synthetic but schema-valid corpus (statutes with sections, bodies with
/// mandates, topics with answers, articles), the same for the same seed, for benchmarks.
/// </summary>
internal static class Synth
{
    private static readonly string[] Jurisdictions = ["federal", "ict", "punjab", "sindh", "kp", "balochistan"];
    private static readonly string[] Compared = ["ict", "punjab", "sindh", "kp", "balochistan"];
    private static readonly string[] Themes =
        ["child-protection", "juvenile-justice", "marriage", "labour", "education", "sexual-abuse", "trafficking"];
    private static readonly string[] Functions =
    [
        "policy-advice", "complaints-inquiry", "monitoring-inspection", "case-management", "helpline", "training",
        "coordination"
    ];
    private static readonly string[] Words =
    [
        "child", "protection", "welfare", "commission", "court", "juvenile", "marriage", "age", "labour", "employment",
        "hazardous", "school", "punishment", "corporal", "trafficking", "abuse", "offence", "penalty", "imprisonment",
        "fine", "officer", "unit", "district", "government", "rules", "notified", "registration", "birth", "guardian",
        "custody", "rehabilitation", "shelter", "complaint", "inquiry", "report", "rights", "destitute", "neglected",
        "begging", "street", "online", "electronic", "identity",
    ];

    public static (int Files, long Bytes) Write(string outDir, int statutes, int seed, string templateContent)
    {
        var random = new Random(seed);
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);
        var files = 0;
        long bytes = 0;
        void Emit(string relative, string text)
        {
            var path = Path.Combine(outDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            files++;
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        foreach (var file in new[] { "site.yaml", "taxonomy/themes.yaml", "taxonomy/mandate-functions.yaml",
                         "taxonomy/synonyms.yaml" }
                     .Concat(Jurisdictions.Select(j => $"jurisdictions/{j}.yaml")))
            Emit(file, File.ReadAllText(Path.Combine(templateContent, file)));

        string Sentence(int n) =>
            string.Join(' ', Enumerable.Range(0, n).Select(_ => Words[random.Next(Words.Length)])) + ".";
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);

        var statuteIds = new List<(string Id, string Jurisdiction)>();
        for (var i = 0; i < statutes; i++)
        {
            var j = Jurisdictions[i % Jurisdictions.Length];
            var year = 1900 + random.Next(125);
            var id = $"{(j == "federal" ? "pk" : j)}-synthetic-act-{I(i)}-{I(year)}";
            statuteIds.Add((id, j));
            var sb = new StringBuilder();
            sb.Append($"id: {id}\njurisdiction: {j}\n" +
                $"title: \"The Synthetic {Sentence(3).TrimEnd('.')} Act {I(i)}, {I(year)}\"\nyear: {I(year)}\n");
            sb.Append($"status: in-force\napplies_to: [{(j == "federal" ? string.Join(", ", Compared) : j)}]\n" +
                $"themes: [{Themes[random.Next(Themes.Length)]}]\n");
            sb.Append($"rules_notified: {(random.Next(3) == 0 ? "\"no\"\nrules_as_of: 2026-01-01" : "\"yes\"")}\n" +
                "rules_sources:\n  - url: https://example.org/rules\n" +
                "    kind: government-notice\n    read_on: 2026-01-01\n");
            sb.Append($"source_url: https://example.org/statute/{I(i)}\n" +
                $"checked_on: 2026-01-01\nverification: secondary\n");
            sb.Append($"summary: |\n  {Sentence(40)} **{Sentence(3)}** {Sentence(30)}\nsections:\n");
            for (var s = 1; s <= 5; s++)
                sb.Append($"  - number: \"{I(s)}\"\n    heading: \"{Sentence(4).TrimEnd('.')}\"\n" +
                    $"    summary: \"{Sentence(25)}\"\n");
            Emit($"statutes/{j}/{id}.yaml", sb.ToString());
        }

        for (var i = 0; i < Math.Max(1, statutes / 5); i++)
        {
            var (statute, j) = statuteIds[random.Next(statuteIds.Count)];
            var sb = new StringBuilder();
            sb.Append($"id: synthetic-body-{I(i)}\njurisdiction: {j}\n" +
                $"name: \"Synthetic {Sentence(2).TrimEnd('.')} Body {I(i)}\"\nkind: commission\n");
            sb.Append($"statute: {statute}\nstatute_section: \"1\"\nstatus: operational\n" +
                $"reach: [{(j == "federal" ? string.Join(", ", Compared) : j)}]\nmandates:\n");
            foreach (var f in Functions.OrderBy(_ => random.Next()).Take(3))
                sb.Append($"  - function: {f}\n    section: \"{I(1 + random.Next(5))}\"\n");
            sb.Append($"source_url: https://example.org/body/{I(i)}\nchecked_on: 2026-01-01\n" +
                $"verification: secondary\nsummary: \"{Sentence(30)}\"\n");
            Emit($"institutions/{j}/synthetic-body-{I(i)}.yaml", sb.ToString());
        }

        for (var t = 0; t < 30; t++)
        {
            var sb = new StringBuilder();
            sb.Append($"id: synthetic-topic-{I(t)}\ntitle: \"Synthetic question {I(t)}\"\n" +
                $"question: \"{Sentence(12)}\"\ntheme: {Themes[t % Themes.Length]}\n");
            sb.Append("answer_type: age\nunit: years\ndirection: higher-is-stronger\nbenchmark:\n  value: \"18\"\n" +
                "  instrument: CRC Art. 1\n  source_url: https://example.org/crc\n" +
                "coding:\n  value: The age the cited section sets.\n  no_provision: No law in force sets an age.\n" +
                "answers:\n");
            foreach (var j in Compared)
            {
                var candidates = statuteIds.Where(s => s.Jurisdiction == j).ToList();
                var (statute, _) = candidates[random.Next(candidates.Count)];
                switch (random.Next(6))
                {
                    case 0:
                        sb.Append($"  - jurisdiction: {j}\n    status: not-researched\n" +
                            $"    research: Not searched yet.\n");
                        break;
                    case 1:
                        sb.Append($"  - jurisdiction: {j}\n    status: no-provision\n    sources:\n" +
                            $"      - url: https://example.org/gap\n        kind: report\n" +
                            $"        read_on: 2026-01-01\n" +

                            $"    note: None found.\n");
                        break;
                    default:
                        sb.Append($"  - jurisdiction: {j}\n    status: answered\n" +
                            $"    value: \"{I(14 + 2 * random.Next(3))}\"\n    statute: {statute}\n" +
                            $"    section: \"{I(1 + random.Next(5))}\"\n");
                        sb.Append("    quote: \"the operative words\"\n    sources:\n" +
                            "      - url: https://example.org/a\n        kind: official-text\n" +
                            "        read_on: 2026-01-01\n");
                        break;
                }
            }
            Emit($"topics/synthetic-topic-{I(t)}.yaml", sb.ToString());
        }

        for (var a = 0; a < Math.Max(1, statutes / 100); a++)
        {
            var body = string.Join("\n\n", Enumerable.Range(0, 8).Select(_ => Sentence(60)));
            Emit($"articles/synthetic-article-{I(a)}.md",
                $"---\nid: synthetic-article-{I(a)}\ntitle: Synthetic article {I(a)}\nsummary: {Sentence(10)}\n" +
                $"checked_on: 2026-01-01\n---\n## {Sentence(4)}\n\n{body}\n");

        }
        return (files, bytes);
    }
}
