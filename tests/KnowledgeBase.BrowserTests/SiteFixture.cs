using System.Net;
using System.Net.Sockets;
using KnowledgeBase.Generator.Serve;
using Microsoft.Playwright;

[assembly: Xunit.AssemblyFixture(typeof(KnowledgeBase.BrowserTests.SiteFixture))]
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace KnowledgeBase.BrowserTests;

/// <summary>
/// Builds the real content once, serves it with `kb serve`'s own server on a free loopback port,
/// and launches Debian's Chromium through Playwright. Missing Chromium is a failure, never a skip.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private DevServer? _server;
    private readonly StringWriter _log = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "kb-browser-" + Guid.NewGuid().ToString("N"));
    public string SiteDir => Path.Combine(Root, "_site");
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string Repo
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("KnowledgeBase.sln not found");
        }
    }

    public static string ArtifactsDir
    {
        get
        {
            var dir = Path.Combine(Repo, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("KB_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: install Debian's 'chromium' " +
                $"(tests/run.sh does) — browser tests do not skip.");

        var port = FreePort();
        _server = new DevServer(Path.Combine(Repo, "content"), SiteDir, "127.0.0.1", port, _log, _log);
        if (!await _server.StartAsync(CancellationToken.None, watch: false))
            throw new InvalidOperationException("the real content does not build:\n" + _log);
        BaseUrl = _server.Address + "/";

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_server is not null) await _server.StopAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>A fresh page that records console errors and failed requests.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(int width = 1280, bool javaScript = true,
        bool dark = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console error: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.EndsWith("/does-not-exist/", StringComparison.Ordinal))
                problems.Add($"HTTP {r.Status}: {r.Url}");
        };
        return (page, problems);
    }

    /// <summary>Every HTML page of the built site, as site-relative URLs.</summary>
    public IReadOnlyList<string> PageUrls() =>
        Directory.EnumerateFiles(SiteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SiteDir, f).Replace('\\', '/'))
            .Where(p => p != "404.html")
            .Select(p => p.EndsWith("index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
