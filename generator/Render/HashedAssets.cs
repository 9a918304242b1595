namespace KnowledgeBase.Generator.Render;

/// <summary>
/// The stylesheet and scripts, named by a hash of their content ("site.3f2a9c1b.css") so hosts can
/// cache them for a year: a changed file gets a new name, and pages link the new name.
/// </summary>
internal static class HashedAssets
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> Loaded = new(Load);

    // Every page links the stylesheet and scripts: each name is hashed once, not once per link.
    private static readonly Lazy<Dictionary<string, string>> Paths = new(() => All.ToDictionary(a => a.Name, a =>
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a.Bytes))[..10].ToLowerInvariant();
        return $"assets/{Path.GetFileNameWithoutExtension(a.Name)}.{hash}{Path.GetExtension(a.Name)}";
    }, StringComparer.Ordinal));

    public static IReadOnlyList<(string Name, byte[] Bytes)> All => Loaded.Value;

    public static string PathOf(string name) => Paths.Value[name];

    private static IReadOnlyList<(string Name, byte[] Bytes)> Load()
    {
        var assembly = typeof(HashedAssets).Assembly;
        var list = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("assets/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))

        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            list.Add((name["assets/".Length..], buffer.ToArray()));
        }
        return list;
    }
}
