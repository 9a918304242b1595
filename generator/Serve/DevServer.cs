using System.Text;
using KnowledgeBase.Generator.Cli;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Generator.Serve;

/// <summary>
/// `kb serve`: builds, serves the in-memory site on loopback with the same security headers as
/// netlify.toml, answers /api/search from the Lucene index, and rebuilds when content changes.
/// A rebuild that finds errors keeps the last good site.
/// </summary>
internal sealed class DevServer(string content, string output, string host, int port, TextWriter stdout,
    TextWriter stderr,
    BuildOptions? options = null, Func<DateOnly>? today = null)
{
    /// <summary>
    /// The day builds check dates against (read_on not in the future); the caller's clock, UTC today by default.
    /// </summary>
    private readonly Func<DateOnly> _today = today ?? (() => DateOnly.FromDateTime(DateTime.UtcNow));

    private volatile Snapshot? _current;
    private readonly object _gate = new();

    /// <summary>
    /// One built site and its search index. Search responses are cached per snapshot: the index is
    /// immutable, so the same request always gets the same bytes until the next rebuild.
    /// </summary>
    private sealed record Snapshot(IReadOnlyDictionary<string, byte[]> Site, IndexLease Lease)
    {
        /// <summary>The aliases' redirects, as the build wrote them to `_redirects` for Netlify.</summary>
        public Dictionary<string, string> Redirects { get; } =
            Publish.SiteFiles.ParseRedirects(Site.GetValueOrDefault("_redirects"));

        public System.Collections.Concurrent.ConcurrentDictionary<string, string> Responses { get; } =
            new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Kestrel's own default limits, enforced here instead so the refusal carries the security headers.
    /// </summary>
    private const int MaxTargetLength = 8_192, MaxHeaderBytes = 32_768;

    /// <summary>How many distinct search responses a snapshot keeps before starting afresh.</summary>
    private const int MaxCachedResponses = 4096;

    public static readonly IReadOnlyList<(string Name, string Value)> SecurityHeaders =
    [
        ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ];

    private WebApplication? _app;
    private FileSystemWatcher? _watcher;

    /// <summary>The address the server listens on, once started.</summary>
    public string Address => $"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}";

    /// <summary>Builds and starts serving; false when the content has errors (nothing is served).</summary>
    public async Task<bool> StartAsync(CancellationToken cancel, bool watch = true)
    {
        if (!Rebuild()) return false;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Address);
        // KB: no "Server: Kestrel" on any response, Kestrel's own error responses included.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // KB: Kestrel answers an over-long request line (414) or header block (431) itself, without
            // the security headers; with generous limits those requests reach HandleAsync, which
            // refuses them at our own limits, with the headers.
            k.Limits.MaxRequestLineSize = 1 << 20;
            k.Limits.MaxRequestHeadersTotalSize = 1 << 20;
            // And the 400 Kestrel writes for a request it cannot parse gets them on its way out.
            var block = SecurityHeaderTransport.Block(SecurityHeaders);
            k.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
            {
                connection.Transport = new SecurityHeaderTransport(connection.Transport, block);
                return next(connection);
            }));
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        if (watch) _watcher = Watch();
        await _app.StartAsync(cancel);
        return true;
    }

    public async Task StopAsync()
    {
        // Wait for a rebuild under way to finish (its write is atomic either way), and start no other.
        lock (_gate) _stopped = true;
        _watcher?.Dispose();
        _fullRebuild?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
        _current?.Lease.Retire();
    }

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        if (!await StartAsync(cancel)) return (int)ExitCode.ContentErrors;
        stdout.WriteLine($"serving {output} at {Address}/ (Ctrl+C to stop); watching {content}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException)
        {
        }
        await StopAsync();
        return (int)ExitCode.Success;
    }

    private IncrementalBuilder? _builder;
    private bool _stopped;
    private Timer? _fullRebuild;

    /// <summary>
    /// Rebuilds after an edit: incrementally when it can (only the pages the change touches), then
    /// a full build in the background refreshes search, data downloads and similar provisions.
    /// </summary>
    public bool Rebuild(bool full = false)
    {
        lock (_gate)
        {
            try
            {
                return RebuildLocked(full);
            }
            catch (Exception e)
            {
                // A rebuild runs on a timer thread: anything it throws is reported here and the last
                // good site stays served, instead of the process dying.
                stderr.WriteLine($"rebuild failed ({e.GetType().Name}: {e.Message}); still serving the last good site");
                return false;
            }
        }
    }

    private bool RebuildLocked(bool full)
    {
        if (_stopped) return false;
        {
            _builder ??= new IncrementalBuilder(content, options);
            if (!full && _current is not null && _builder.Incremental(_today()) is { } step)
            {
                foreach (var d in step.Result.Check.Diagnostics) stderr.WriteLine(d);
                if (step.Result.Site is null)
                {
                    stderr.WriteLine("rebuild failed: still serving the last good site");
                    return false;
                }
                foreach (var path in step.Changed)
                {
                    var file = Path.Combine(output, path.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    File.WriteAllBytes(file, step.Result.Site[path]);
                }
                _current = new Snapshot(step.Result.Site, _current.Lease);
                stdout.WriteLine($"updated {step.Changed.Count} pages in {step.Result.Elapsed.TotalSeconds:F2} s; " +
                    $"refreshing search in the background");
                _fullRebuild?.Dispose();
                _fullRebuild = new Timer(_ => Rebuild(full: true), null, 1000, Timeout.Infinite);
                return true;
            }

            var result = _builder.Full(_today());
            foreach (var d in result.Check.Diagnostics) stderr.WriteLine(d);
            if (result.Site is null)
            {
                stderr.WriteLine(_current is null
                    ? "build failed: fix the errors above"
                    : "rebuild failed: still serving the last good site");
                return false;
            }
            SiteWriter.Write(result.Site, output, content);
            var old = _current;
            _current = new Snapshot(result.Site, old is not null && ReferenceEquals(old.Lease.Index, result.Index)
                ? old.Lease
                : new IndexLease(result.Index!));
            // Searches in flight finish on the index they started with; it is disposed after the last one.
            if (old is not null && !ReferenceEquals(old.Lease, _current.Lease)) old.Lease.Retire();
            stdout.WriteLine($"built {result.PageCount} pages in {result.Elapsed.TotalSeconds:F1} s");
            return true;
        }
    }

    private FileSystemWatcher Watch()
    {
        var watcher = new FileSystemWatcher(Path.GetFullPath(content)) { IncludeSubdirectories = true };
        Timer? debounce = null;
        void Changed(object? sender, FileSystemEventArgs e)
        {
            debounce?.Dispose();
            debounce = new Timer(_ => Rebuild(), null, 300, Timeout.Infinite);
        }
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (s, e) => Changed(s, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    internal async Task HandleAsync(HttpContext http)
    {
        foreach (var (name, value) in SecurityHeaders) http.Response.Headers[name] = value;
        var snapshot = _current!;
        var request = http.Request;
        if (request.Method is not ("GET" or "HEAD"))
        {
            await Text(http, 405, "method not allowed");
            return;
        }
        if ((request.Path.Value?.Length ?? 0) + request.QueryString.Value?.Length > MaxTargetLength)
        {
            await Text(http, 414, "request target too long");
            return;
        }
        if (request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0)) > MaxHeaderBytes)
        {
            await Text(http, 431, "request headers too large");
            return;
        }
        if (!AllowedHost(request.Host))
        {
            // KB: a page on another site could otherwise reach this server through a DNS name that resolves to
            // loopback.
            await Text(http, 400, "unexpected Host header");
            return;
        }
        var rawPath = request.Path.Value ?? "/";
        if (!SafePath(rawPath) || !SafePath(Uri.UnescapeDataString(rawPath)))
        {
            await Text(http, 400, "bad path");
            return;
        }
        if (snapshot.Redirects.TryGetValue(rawPath, out var moved))
        {
            http.Response.StatusCode = 301;
            http.Response.Headers.Location = moved;
            return;
        }
        if (rawPath == "/api/search")
        {
            await SearchAsync(http, snapshot);
            return;
        }
        var key = rawPath.TrimStart('/');
        if (key.Length == 0 || key.EndsWith('/')) key += "index.html";
        if (!snapshot.Site.TryGetValue(key, out var bytes) && snapshot.Site.ContainsKey(key + "/index.html"))
        {
            http.Response.StatusCode = 301;
            // Path-only and never "//host/…": a browser would follow a scheme-relative Location to another host.
            http.Response.Headers.Location = "/" + key + "/";
            return;
        }
        var status = 200;
        if (bytes is null)
        {
            status = 404;
            bytes = snapshot.Site.GetValueOrDefault("404.html") ?? Encoding.UTF8.GetBytes("not found");
            key = "404.html";
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType(key);
        http.Response.Headers.CacheControl = CacheControl(key);
        http.Response.ContentLength = bytes.Length;
        if (request.Method == "GET") await http.Response.Body.WriteAsync(bytes);
    }

    /// <summary>Same policy as netlify.toml: hashed assets are immutable, everything else revalidates.</summary>
    internal static string CacheControl(string key) => key.StartsWith("assets/", StringComparison.Ordinal)
        ? "public, max-age=31536000, immutable"
        : key.StartsWith("search/", StringComparison.Ordinal) ? "public, max-age=300" : "no-cache";

    private bool AllowedHost(HostString requested)
    {
        if (!requested.HasValue) return false;
        if (requested.Port is { } p && p != port) return false;
        var name = requested.Host.Trim('[', ']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name == "127.0.0.1"
            || name.Equals(host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
    }

    internal static bool SafePath(string path) =>
        !path.Contains("..", StringComparison.Ordinal) && !path.Contains('\\') && !path.Contains('\0')
        && path.Length <= 1024;

    private async Task SearchAsync(HttpContext http, Snapshot snapshot)
    {
        var q = http.Request.Query;
        var query = q["q"].ToString();
        if (string.IsNullOrWhiteSpace(query))
        {
            await Json(http, 400, """{"error":"missing parameter 'q'"}""");
            return;
        }
        if (query.Length > SearchIndex.MaxQueryLength)
        {
            await Json(http, 400, $$"""{"error":"'q' is longer than {{SearchIndex.MaxQueryLength}} characters"}""");
            return;
        }
        var limit = 10;
        if (q.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit is < 1 or > 100))
        {
            await Json(http, 400, """{"error":"'limit' must be a whole number from 1 to 100"}""");
            return;
        }
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var facet in new[] { "jurisdiction", "kind", "theme", "year", "status", "verification" })
            if (q.TryGetValue(facet, out var v) && v.ToString() is { Length: > 0 } value)
            {
                if (value.Length > 100)
                {
                    await Json(http, 400, $$"""{"error":"'{{facet}}' is too long"}""");
                    return;
                }
                filters[facet] = value;
            }
        var key = $"{query}\n{limit}\n{string.Join('\n', filters.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value))}";

        if (!snapshot.Responses.TryGetValue(key, out var body))
        {
            // Hold a lease on the index while searching: a rebuild may retire it meanwhile.
            while (!snapshot.Lease.TryAcquire()) snapshot = _current!;
            try
            {
                body = SearchJson.Serialize(snapshot.Lease.Index.Search(new SearchRequest(query, filters, limit)),
                    withFacets: true);

            }
            finally
            {
                snapshot.Lease.Release();
            }
            if (snapshot.Responses.Count >= MaxCachedResponses) snapshot.Responses.Clear();
            snapshot.Responses[key] = body;
        }
        await Json(http, 200, body);
    }

    private static async Task Json(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body);
    }

    private static async Task Text(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(body);
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
