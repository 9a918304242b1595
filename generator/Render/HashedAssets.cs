using System.Text;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// The stylesheet and scripts, named by a hash of their content ("site.3f2a9c1b.css") so hosts can
/// cache them for a year: a changed file gets a new name, and pages link the new name.
/// </summary>
internal static class HashedAssets
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> Loaded = new(Load);

    // Every page links the stylesheet and scripts: each name is hashed once, not once per link.
    private static readonly Lazy<Dictionary<string, string>> Paths =
        new(() => All.ToDictionary(a => a.Name, a => HashedName(a.Name, a.Bytes), StringComparer.Ordinal));

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
        // A stylesheet names the files it uses (a font) by their plain names; they are written hashed,
        // so the stylesheet is given their hashed names before it is hashed itself.
        return list.Select(a => a.Item1.EndsWith(".css", StringComparison.Ordinal)
            ? (a.Item1, Encoding.UTF8.GetBytes(list.Where(o => !o.Item1.EndsWith(".css", StringComparison.Ordinal))
                .Aggregate(Encoding.UTF8.GetString(a.Item2), (css, o) =>
                    css.Replace($"url({o.Item1})", $"url({Path.GetFileName(HashedName(o.Item1, o.Item2))})",
                        StringComparison.Ordinal))))
            : a).ToList();
    }

    private static string HashedName(string name, byte[] bytes)
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..10].ToLowerInvariant();
        return $"assets/{Path.GetFileNameWithoutExtension(name)}.{hash}{Path.GetExtension(name)}";
    }
}
