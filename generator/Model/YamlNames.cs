namespace KnowledgeBase.Generator.Model;

/// <summary>
/// The one place an enum's values get their names in content and downloads: each value's name in
/// kebab case ("NoProvision" is "no-provision", "InForce" is "in-force"), in declaration order.
/// </summary>
public static class YamlNames
{
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    public static string[] All<T>() where T : struct, Enum => Names<T>.List;

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(text, out value);

    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue =
            Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));
        public static readonly string[] List = Enum.GetValues<T>().Select(v => ByValue[v]).ToArray();
        public static readonly Dictionary<string, T> ByName =
            ByValue.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
