namespace KnowledgeBase.Generator.Render;

/// <summary>
/// The stylesheet and scripts, named by a hash of their content ("site.3f2a9c1b.css") so hosts can
/// cache them for a year: a changed file gets a new name, and pages link the new name.
/// </summary>
internal static class HashedAssets
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> Loaded = new(Load);

    public static IReadOnlyList<(string Name, byte[] Bytes)> All => Loaded.Value;

    public static string PathOf(string name)
    {
        var bytes = All.First(a => a.Name == name).Bytes;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..10].ToLowerInvariant();
        var ext = Path.GetExtension(name);
        return $"assets/{Path.GetFileNameWithoutExtension(name)}.{hash}{ext}";
    }

    private static IReadOnlyList<(string Name, byte[] Bytes)> Load()
    {
        var assembly = typeof(HashedAssets).Assembly;
        var list = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            list.Add((name["assets/".Length..], buffer.ToArray()));
        }
        return list;
    }
}
