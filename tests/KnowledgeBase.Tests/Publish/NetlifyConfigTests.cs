using KnowledgeBase.Tests.Support;
using Tomlyn.Model;

namespace KnowledgeBase.Tests.Publish;

public sealed class NetlifyConfigTests
{
    private static readonly TomlTable Toml =
        Tomlyn.TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Paths.Repo, "netlify.toml")))!;

    [Fact]
    public void Should_publish_site_built_by_the_same_kb_build()
    {
        var build = (TomlTable)Toml["build"];
        Assert.Equal("_site", build["publish"]);
        var command = (string)build["command"];
        Assert.Contains("dotnet-install.sh", command);
        Assert.Contains("--jsonfile global.json", command);
        Assert.Contains("publish generator -c Release -o /tmp/kb", command);
        Assert.Contains("/tmp/kb/kb.dll build --content content --output _site", command);
    }

    [Fact]
    public void Should_set_security_headers_without_inline_script()
    {
        var headers = (TomlTableArray)Toml["headers"];
        var all = headers.Single(h => (string)h["for"] == "/*");
        var values = (TomlTable)all["values"];
        var csp = (string)values["Content-Security-Policy"];
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", values["X-Content-Type-Options"]);
        Assert.True(values.ContainsKey("Referrer-Policy"));
        Assert.True(values.ContainsKey("X-Frame-Options"));
    }

    [Fact]
    public void Should_cache_hashed_assets_for_a_year()
    {
        var headers = (TomlTableArray)Toml["headers"];
        var assets = (TomlTable)headers.Single(h => (string)h["for"] == "/assets/*")["values"];
        Assert.Equal("public, max-age=31536000, immutable", assets["Cache-Control"]);
        Assert.Equal(assets["Cache-Control"],
            KnowledgeBase.Generator.Serve.DevServer.CacheControl("assets/site.0123456789.css"));
    }
}
