using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KnowledgeBase.Tests.Content;

/// <summary>
/// The JSON Schemas editors use and the loader must agree: every real record is valid under its
/// schema, and a record holding every field a schema declares (or only its required ones) loads
/// without unknown or missing fields.
/// </summary>
public sealed partial class SchemaAgreementTests
{
    private static readonly string Schemas = Path.Combine(Paths.RealContent, "schemas");

    public static readonly TheoryData<string, string> Kinds = new()
    {
        { "jurisdictions", "jurisdiction" },
        { "statutes", "statute" },
        { "institutions", "institution" },
        { "topics", "topic" },
        { "articles", "article" },
        { "judgments", "judgment" },
        { "policies", "policy" },
        { "indicators", "indicator" },
    };

    /// <summary>
    /// Checks an instance against the subset of JSON Schema 2020-12 the schemas use: $ref to $defs,
    /// type, enum, const, pattern, required, properties, additionalProperties: false, items, minItems,
    /// and allOf of if/then. KB: a few lines of our own, as JsonSchema.Net's shared schema registry
    /// refused to build the same schemas again in one test process.
    /// </summary>
    private static IEnumerable<string> Problems(JsonElement schema, JsonElement root, JsonNode? value, string at)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                target = target.GetProperty(part);
            foreach (var p in Problems(target, root, value, at)) yield return p;
            yield break;
        }
        if (schema.TryGetProperty("enum", out var values)
            && !values.EnumerateArray().Any(v => JsonNode.DeepEquals(JsonNode.Parse(v.GetRawText()), value)))
            yield return $"{at}: {value?.ToJsonString()} is not one of {values.GetRawText()}";
        if (schema.TryGetProperty("const", out var constant)
            && !JsonNode.DeepEquals(JsonNode.Parse(constant.GetRawText()), value))
            yield return $"{at}: is not {constant.GetRawText()}";
        var types = !schema.TryGetProperty("type", out var t) ? []
            : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToArray()
            : [t.GetString()!];
        var kind = value?.GetValueKind();
        bool Fits(string type) => type switch
        {
            "string" => kind == JsonValueKind.String,
            "integer" or "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "array" => kind == JsonValueKind.Array,
            "object" => kind == JsonValueKind.Object,
            _ => true,
        };
        if (types.Length > 0 && !types.Any(Fits))
        {
            yield return $"{at}: expected {string.Join(" or ", types)}, got {kind}";
            yield break;
        }
        if (kind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(value!.GetValue<string>(), pattern.GetString()!))
            yield return $"{at}: '{value}' does not match {pattern.GetString()}";
        if (value is JsonArray array)
        {
            if (schema.TryGetProperty("minItems", out var min) && array.Count < min.GetInt32())
                yield return $"{at}: fewer than {min} items";
            if (schema.TryGetProperty("items", out var items))
                for (var i = 0; i < array.Count; i++)
                    foreach (var p in Problems(items, root, array[i], $"{at}[{i}]")) yield return p;
        }
        if (value is JsonObject obj)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!)
                    .Where(n => !obj.ContainsKey(n)))
                    yield return $"{at}: lacks required '{name}'";
            var props = schema.TryGetProperty("properties", out var p0) ? p0 : default;
            foreach (var (name, child) in obj)
            {
                if (props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var childSchema))
                    foreach (var p in Problems(childSchema, root, child, $"{at}.{name}")) yield return p;
                else if (schema.TryGetProperty("additionalProperties", out var extra)
                    && extra.ValueKind == JsonValueKind.False)
                    yield return $"{at}: '{name}' is not declared";
            }
            if (schema.TryGetProperty("allOf", out var all))
                foreach (var rule in all.EnumerateArray())
                    if (rule.TryGetProperty("if", out var cond) && !Problems(cond, root, value, at).Any()
                        && rule.TryGetProperty("then", out var then))
                        foreach (var p in Problems(then, root, value, at)) yield return p;
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when p.Value is null or "" or "~" or "null"
            => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when long.TryParse(p.Value, out var n)
            => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p
            when System.Text.RegularExpressions.Regex.IsMatch(p.Value ?? "", @"^-?\d+\.\d+$")
            => JsonValue.Create(double.Parse(p.Value!, System.Globalization.CultureInfo.InvariantCulture)),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } p
            => JsonValue.Create(p.Value == "true"),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static string YamlOf(string file)
    {
        var text = File.ReadAllText(file);
        if (!file.EndsWith(".md", StringComparison.Ordinal)) return text;
        var lines = text.Split('\n');
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        return string.Join('\n', lines[1..end]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_find_every_real_record_valid_under_its_schema(string folder, string kind)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Schemas, kind + ".schema.json")));
        var files = Directory
            .EnumerateFiles(Path.Combine(Paths.RealContent, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(YamlOf(file)));
            problems.AddRange(Problems(schema.RootElement, schema.RootElement, ToJson(stream.Documents[0].RootNode),
                Path.GetFileName(file)));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    /// <summary>A value of the shape a schema node asks for.</summary>
    private static JsonNode? Sample(JsonElement node, JsonElement root, bool requiredOnly)
    {
        if (node.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                target = target.GetProperty(part);
            return Sample(target, root, requiredOnly);
        }
        if (node.TryGetProperty("enum", out var values))
            return JsonNode.Parse(values[values.GetArrayLength() - 1].GetRawText());
        var type = !node.TryGetProperty("type", out var t) ? null
            : t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString();
        var pattern = node.TryGetProperty("pattern", out var p) ? p.GetString() ?? "" : "";
        switch (type)
        {
            case "integer": case "number": return JsonValue.Create(2000);
            case "boolean": return JsonValue.Create(true);
            case "array":
                return new JsonArray(node.TryGetProperty("items", out var items) ? Sample(items, root, requiredOnly)
                        : JsonValue.Create("x"),
                    node.TryGetProperty("minItems", out var min) && min.GetInt32() > 1
                        && node.TryGetProperty("items", out var again) ? Sample(again, root, requiredOnly) : null);
            case "object":
                var obj = new JsonObject();
                var required = node.TryGetProperty("required", out var req)
                    ? req.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : [];
                if (node.TryGetProperty("properties", out var props))
                    foreach (var prop in props.EnumerateObject().Where(x => !requiredOnly || required.Contains(x.Name)))
                        obj[prop.Name] = Sample(prop.Value, root, requiredOnly);
                return obj;
            default:
                if (pattern.StartsWith("^https?", StringComparison.Ordinal))
                    return JsonValue.Create("https://example.org/x");
                if (pattern.Contains("(-\\d{2}-\\d{2})?", StringComparison.Ordinal)
                    || pattern.Contains("(-\\d{2}(-\\d{2})?)?", StringComparison.Ordinal))
                    return JsonValue.Create("2020");
                if (pattern.Contains("\\d{4}-\\d{2}-\\d{2}", StringComparison.Ordinal))
                    return JsonValue.Create("2026-01-01");
                if (pattern.StartsWith("^[a-z0-9]", StringComparison.Ordinal)) return JsonValue.Create("sample-id");
                return JsonValue.Create("text");
        }
    }

    private static string ToYaml(JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject o:
                return string.Concat(o.Select(kv => kv.Value is JsonObject or JsonArray
                    ? $"{pad}{kv.Key}:\n{ToYaml(kv.Value, indent + 2)}"
                    : $"{pad}{kv.Key}: {Scalar(kv.Value)}\n"));
            case JsonArray a:
                return string.Concat(a.Where(x => x is not null).Select(x => x is JsonObject item
                    ? pad + "- " + ToYaml(item, indent + 2)[(indent + 2)..]
                    : $"{pad}- {Scalar(x)}\n"));
            default:
                return pad + Scalar(node) + "\n";
        }
    }

    private static string Scalar(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? JsonSerializer.Serialize(s)
            : node?.ToJsonString() ?? "null";

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_load_a_record_with_every_field_its_schema_declares(string folder, string kind)
    {
        foreach (var requiredOnly in new[] { false, true })
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Schemas, kind + ".schema.json")));
            var yaml = ToYaml(Sample(schema.RootElement, schema.RootElement, requiredOnly), 0);
            using var content = new TempContent();
            var place = folder is "statutes" or "institutions" ? $"{folder}/punjab/sample-id.yaml"
                : folder == "articles" ? "articles/sample-id.md" : $"{folder}/sample-id.yaml";
            content.Write(place, folder == "articles" ? $"---\n{yaml}---\nBody.\n" : yaml);
            var diagnostics = Pipeline.Check(content.Content, Checks.Today).Diagnostics
                .Where(d => d.Span.File.EndsWith(Path.GetFileName(place), StringComparison.Ordinal)).ToList();
            // The schema declares nothing the loader calls unknown, and requires everything the loader requires.
            Assert.True(!diagnostics.Any(d => d.Code is "KB2001" or "KB2002" or "KB2003"),
                $"{kind} ({(requiredOnly ? "required fields only" : "every field")}):\n" +
                $"{yaml}\n{string.Join('\n', diagnostics)}");
        }
    }
}
