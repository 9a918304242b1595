using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using KnowledgeBase.Generator.Serve;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Serve;

/// <summary>`kb serve` over real HTTP on loopback, with the fixture content.</summary>
public sealed class DevServerTests : IAsyncLifetime
{
    private readonly TempContent _content = new();
    private DevServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _server = new DevServer(_content.Content, _content.Output, "127.0.0.1", port, TextWriter.Null, TextWriter.Null);
        Assert.True(await _server.StartAsync(TestContext.Current.CancellationToken, watch: true));
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(_server.Address)
        };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.StopAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task Should_serve_pages_with_the_netlify_security_headers()
    {
        var response = await _http.GetAsync("/topics/marriage-minimum-age-girls/",
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var toml = Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(
            File.ReadAllText(Path.Combine(Paths.Repo, "netlify.toml")))!;
        var headers = (Tomlyn.Model.TomlTable)((Tomlyn.Model.TomlTableArray)toml["headers"])[0]["values"];
        foreach (var (name, value) in headers)
            Assert.Equal((string)value, response.Headers.GetValues(name).Single());
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/assets/..%2f..%2fcontent/site.yaml")]
    [InlineData("/%252e%252e/x")]
    [InlineData("/a\\..\\b")]
    public async Task Should_reject_path_traversal(string path)
    {
        var response = await _http.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Address + path, UriKind.Absolute)) { },
            TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"{path}: {response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("base_url", body);
    }

    [Fact]
    public async Task Should_answer_search_api_with_hits_facets_and_snippets()
    {
        var json = await _http.GetStringAsync("/api/search?q=marriage%20age&limit=3",
            TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(json);
        var hits = doc.RootElement.GetProperty("hits");
        Assert.InRange(hits.GetArrayLength(), 1, 3);
        Assert.Equal("topic:marriage-minimum-age-girls", hits[0].GetProperty("id").GetString());
        Assert.Contains("<mark>", hits[0].GetProperty("snippet_html").GetString());
        Assert.True(doc.RootElement.GetProperty("facets").GetProperty("kind").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/search", "missing parameter 'q'")]
    [InlineData("/api/search?q=x&limit=0", "'limit' must be a whole number")]
    [InlineData("/api/search?q=x&limit=abc", "'limit' must be a whole number")]
    public async Task Should_answer_bad_parameters_with_400_and_a_message(string url, string message)
    {
        var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_cap_query_length()
    {
        var response = await _http.GetAsync("/api/search?q=" + new string('a', 600),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than 500",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_serve_404_page_for_unknown_paths_and_redirect_directories()
    {
        var missing = await _http.GetAsync("/no/such/page/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found",
            await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var redirect = await _http.GetAsync("/compare", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/compare/", redirect.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/statutes/punjab-old-test-act/")]
    [InlineData("/statutes/punjab-old-test-act")]
    public async Task Should_redirect_a_renamed_records_old_address_as_the_redirects_file_says(string old)
    {
        var response = await _http.GetAsync(old, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/statutes/punjab-test-act-2004/", response.Headers.Location!.ToString());
        var file = await _http.GetStringAsync("/_redirects", TestContext.Current.CancellationToken);
        Assert.Contains("/statutes/punjab-old-test-act/ /statutes/punjab-test-act-2004/ 301\n", file);
    }

    [Fact]
    public async Task Should_rebuild_when_content_changes_and_keep_last_good_site_on_error()
    {
        var cancel = TestContext.Current.CancellationToken;
        _content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004",
            "title: The Punjab Renamed Act, 2004");
        await Eventually(async () =>
            (await _http.GetStringAsync("/statutes/punjab-test-act-2004/", cancel)).Contains("Punjab Renamed Act"));
        _content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004", "yaer: 2004");
        await Task.Delay(1500, cancel);
        Assert.Contains("Punjab Renamed Act", await _http.GetStringAsync("/statutes/punjab-test-act-2004/", cancel));
    }

    [Fact]
    [Trait("Tier", "slow")]
    public async Task Should_complete_a_bounded_load_test_with_zero_errors()
    {
        // 10,000 requests from 32 concurrent clients to loopback only; latency is reported, not asserted.
        string[] paths =
        [
            "/", "/compare/", "/topics/marriage-minimum-age-girls/", "/api/search?q=marriage", "/data/answers.csv",
            "/no-such-page/"
        ];
        var errors = await Load("load", 10_000, 32, i => paths[i % paths.Length],
            path => path.StartsWith("/no-such", StringComparison.Ordinal)
                ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        Assert.Equal(0, errors);
    }

    [Fact]
    [Trait("Tier", "slow")]
    public async Task Should_hold_search_load_from_64_clients()
    {
        // 20,000 searches from 64 concurrent clients, as the robustness review measured (129 requests/s then).
        var errors = await Load("search load", 20_000, 64, _ => "/api/search?q=child", _ => HttpStatusCode.OK);
        Assert.Equal(0, errors);
    }

    /// <summary>
    /// Sends <paramref name="total"/> requests from concurrent clients, reports throughput and latency, and
    /// counts wrong statuses.
    /// </summary>
    private async Task<int> Load(string name, int total, int clients, Func<int, string> path,
        Func<string, HttpStatusCode> expected)
    {
        var latencies = new double[total];
        var errors = 0;
        var next = -1;
        var cancel = TestContext.Current.CancellationToken;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var url = path(i);
                var clock = Stopwatch.StartNew();
                using var response = await _http.GetAsync(url, cancel);
                await response.Content.ReadAsByteArrayAsync(cancel);
                latencies[i] = clock.Elapsed.TotalMilliseconds;
                if (response.StatusCode != expected(url)) Interlocked.Increment(ref errors);
            }
        }));
        Array.Sort(latencies);
        TestContext.Current.SendDiagnosticMessage(
            $"{name}: {total} requests, {clients} clients, {total / wall.Elapsed.TotalSeconds:F0} requests/s, " +
            $"p50 {latencies[total / 2]:F2} ms, p99 {latencies[total * 99 / 100]:F2} ms");
        return errors;
    }

    [Fact]
    [Trait("Tier", "slow")]
    public async Task Should_never_answer_500_while_rebuilding_under_load()
    {
        // Given 32 clients searching distinct queries (so each one reaches the index, not the cache)
        var cancel = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var served = 0;
        var words = new[]
        {
            "child", "marriage", "court", "age", "labour", "punjab", "sindh", "police", "bureau", "test"
        };
        var clients = Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var q = $"{words[(c + n) % words.Length]} {words[n % 7]} {c}x{n++}";
                using var response = await _http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q),
                    CancellationToken.None);
                Interlocked.Increment(ref served);
                if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{(int)response.StatusCode} for {q}");
            }
        }, cancel)).ToList();
        // When the content is edited every 500 ms for five seconds (each edit rebuilds, then a full rebuild swaps the
        // index)
        var title = _content.Read("statutes/punjab/punjab-test-act-2004.yaml");
        for (var i = 0; i < 10; i++)
        {
            _content.Write("statutes/punjab/punjab-test-act-2004.yaml",
                title.Replace("Test Children Act", $"Test Children Act {i}"));
            await Task.Delay(500, cancel);
        }
        await Task.Delay(1500, cancel);
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        // Then every request was answered
        Assert.True(served > 200, $"only {served} requests");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Should_survive_files_vanishing_and_dangling_links_during_rebuilds()
    {
        var cancel = TestContext.Current.CancellationToken;
        // Editor temporary files appearing and vanishing, and a dangling link, while rebuilds run
        for (var i = 0; i < 30; i++)
        {
            var temp = _content.PathOf($"statutes/punjab/.~edit-{i}.yaml");
            File.WriteAllText(temp, "id: x");
            var other = _content.PathOf($"topics/tmp-{i}.yaml");
            File.WriteAllText(other, "id: tmp");
            await Task.Delay(40, cancel);
            File.Delete(temp);
            File.Delete(other);
        }
        File.CreateSymbolicLink(_content.PathOf("articles/dangling.md"), "/nonexistent/article.md");
        await Task.Delay(2000, cancel);
        // The server is alive and serving the last good site
        var response = await _http.GetAsync("/", cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        File.Delete(_content.PathOf("articles/dangling.md"));
        _content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004",
            "title: The Punjab Survivor Act, 2004");
        await Eventually(async () =>
            (await _http.GetStringAsync("/statutes/punjab-test-act-2004/", cancel)).Contains("Punjab Survivor Act"));
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    public async Task Should_accept_only_the_host_it_binds(string host, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host + ":" + new Uri(_server.Address).Port;
        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData(20_000, 0, HttpStatusCode.RequestUriTooLong)]
    [InlineData(0, 40_000, HttpStatusCode.RequestHeaderFieldsTooLarge)]
    public async Task Should_refuse_oversized_requests_with_the_security_headers(int pathLength, int headerLength,
        HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/" + new string('a', pathLength));
        if (headerLength > 0) request.Headers.Add("X-Padding", new string('b', headerLength));
        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.True(response.Headers.Contains("X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Should_redirect_path_only_and_never_announce_the_server()
    {
        var response = await _http.GetAsync(new Uri(_server.Address + "//compare", UriKind.Absolute),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/compare/", response.Headers.Location!.ToString());
        Assert.False(response.Headers.Contains("Server"));
        // Kestrel's own answer to a malformed request carries no Server header either
        using var tcp = new TcpClient();
        var uri = new Uri(_server.Address);
        await tcp.ConnectAsync(uri.Host, uri.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n"u8.ToArray(),
            TestContext.Current.CancellationToken);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
        var head = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 400", head);
        Assert.DoesNotContain("Server:", head);
        // and it carries the security headers, which the server adds to Kestrel's own error responses
        Assert.Contains("Content-Security-Policy: default-src 'self'", head);
        Assert.Contains("X-Content-Type-Options: nosniff", head);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("condition not met within 10 s");
    }
}

/// <summary>`kb serve` as a process manager runs it: started, then stopped with SIGTERM.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Should_stop_cleanly_on_sigterm_and_free_its_port()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var content = new TempContent();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = content.Root, RedirectStandardOutput = true, RedirectStandardError = true
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kb.dll"), "serve", "--content", "content",
            "--output", "_site", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var kb = Process.Start(start)!;
        var stdout = kb.StandardOutput.ReadToEndAsync(cancel);
        var stderr = kb.StandardError.ReadToEndAsync(cancel);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var up = false;
        for (var i = 0; i < 100 && !up; i++)
        {
            try { up = (await http.GetAsync("/", cancel)).IsSuccessStatusCode; }
            catch (HttpRequestException) { await Task.Delay(100, cancel); }
        }
        Assert.True(up, "kb serve did not start");
        // When it receives SIGTERM
        using (var term = Process.Start("kill",
            ["-TERM", kb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term!.WaitForExitAsync(cancel);
        var exited = kb.WaitForExit(TimeSpan.FromSeconds(10));
        // Then it exits promptly and cleanly, the port is free, and the last site is intact
        Assert.True(exited, "kb serve ignored SIGTERM");
        Assert.Equal(0, kb.ExitCode);
        var again = new TcpListener(IPAddress.Loopback, port);
        again.Start();
        again.Stop();
        Assert.True(File.Exists(Path.Combine(content.Output, "index.html")));
        await stdout;
        await stderr;
    }
}
