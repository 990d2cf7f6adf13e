using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QuickDraw.Tests.Download;

/// <summary>What the server does wrong on one request (by the request's number for that path).</summary>
public abstract record Fault
{
    /// <summary>Send this many body bytes, then close the connection.</summary>
    public sealed record CutAfter(int Bytes) : Fault;
    /// <summary>Send this many body bytes (-1: not even the headers), then send nothing until the client gives up.</summary>
    public sealed record StallAfter(int Bytes) : Fault;
    /// <summary>Answer with this status and an empty body.</summary>
    public sealed record Status(int Code) : Fault;
}

/// <summary>A tiny HTTP/1.1 server on 127.0.0.1 (raw sockets, one request per connection) that serves fixed
/// bytes, honours or ignores <c>Range: bytes=N-</c>, and misbehaves on request: cuts, stalls, error statuses.
/// Every request is recorded so tests can assert what the client asked for.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    sealed class Route
    {
        public required byte[] Content;
        public bool IgnoreRange;
        public Fault?[] Faults = [];
        public int Hits;
    }

    /// <summary>One request as received: the request target (path and query) and its Range header, if any.</summary>
    public sealed record Request(string Target, string? Range);

    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly ConcurrentDictionary<string, Route> routes = new();
    readonly ConcurrentQueue<Request> requests = new();
    readonly List<Task> connections = [];
    readonly Task accepting;

    public LoopbackServer()
    {
        listener.Start();
        Root = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Root { get; }

    public IReadOnlyList<Request> Requests => requests.ToArray();

    /// <summary>The requests whose target starts with <paramref name="prefix"/> (e.g. a file's path).</summary>
    public IReadOnlyList<Request> RequestsFor(string prefix) => requests.Where(r => r.Target.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    /// <summary>Serves <paramref name="content"/> at <paramref name="target"/> (an escaped path, with its query if any);
    /// request i (0-based) suffers <paramref name="faults"/>[i] when there is one.</summary>
    public void Serve(string target, byte[] content, bool ignoreRange = false, params Fault?[] faults) =>
        routes[target] = new Route { Content = content, IgnoreRange = ignoreRange, Faults = faults };

    public void Serve(string target, string content) => Serve(target, Encoding.UTF8.GetBytes(content));

    async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (connections) connections.Add(HandleAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var (target, range) = await ReadHeadAsync(stream);
            requests.Enqueue(new Request(target, range));
            if (!routes.TryGetValue(target, out var route))
            {
                await WriteHeadAsync(stream, "404 Not Found", [("Content-Length", "0")]);
                return;
            }
            var hit = Interlocked.Increment(ref route.Hits) - 1;
            var fault = hit < route.Faults.Length ? route.Faults[hit] : null;
            if (fault is Fault.Status s)
            {
                await WriteHeadAsync(stream, $"{s.Code} Fault", [("Content-Length", "0")]);
                return;
            }
            if (fault is Fault.StallAfter { Bytes: < 0 }) { await WaitForClientToLeaveAsync(stream); return; }

            var content = route.Content;
            long from = 0;
            var headers = new List<(string, string)>();
            string status;
            if (!route.IgnoreRange && range is not null && ParseRangeStart(range) is long start)
            {
                if (start >= content.Length)
                {
                    await WriteHeadAsync(stream, "416 Range Not Satisfiable", [("Content-Range", $"bytes */{content.Length}"), ("Content-Length", "0")]);
                    return;
                }
                from = start;
                status = "206 Partial Content";
                headers.Add(("Content-Range", $"bytes {from}-{content.Length - 1}/{content.Length}"));
            }
            else status = "200 OK";
            if (!route.IgnoreRange) headers.Add(("Accept-Ranges", "bytes"));
            headers.Add(("Content-Length", (content.Length - from).ToString()));
            await WriteHeadAsync(stream, status, headers);

            var body = content.AsMemory((int)from);
            var limit = fault switch { Fault.CutAfter c => c.Bytes, Fault.StallAfter st => st.Bytes, _ => body.Length };
            limit = Math.Min(limit, body.Length);
            // Small writes, so the client sees the body arrive in several reads, not one.
            for (var at = 0; at < limit; at += 4096)
                await stream.WriteAsync(body.Slice(at, Math.Min(4096, limit - at)), stop.Token);
            await stream.FlushAsync(stop.Token);
            if (fault is Fault.StallAfter) await WaitForClientToLeaveAsync(stream);
            else if (fault is Fault.CutAfter) client.Client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    // A stalled server: no bytes, until the client hangs up (read returns 0) or the server stops.
    async Task WaitForClientToLeaveAsync(NetworkStream stream)
    {
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, stop.Token) > 0) { }
    }

    static long? ParseRangeStart(string range) =>
        range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-') && long.TryParse(range[6..^1], out var n) ? n : null;

    static async Task<(string Target, string? Range)> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("client closed before the request ended");
            head.Append((char)one[0]);
        }
        var lines = head.ToString().Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var range = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?[6..].Trim();
        return (target, range);
    }

    async Task WriteHeadAsync(NetworkStream stream, string status, IEnumerable<(string Name, string Value)> headers)
    {
        var text = new StringBuilder($"HTTP/1.1 {status}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) text.Append($"{name}: {value}\r\n");
        text.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), stop.Token);
        await stream.FlushAsync(stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        await accepting;
        Task[] open;
        lock (connections) open = [.. connections];
        await Task.WhenAll(open);
        stop.Dispose();
    }
}
