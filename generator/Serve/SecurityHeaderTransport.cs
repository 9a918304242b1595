using System.IO.Pipelines;
using System.Text;

namespace KnowledgeBase.Generator.Serve;

/// <summary>
/// A connection's transport, with the security headers added to the error responses Kestrel writes
/// itself (a request line or header it cannot parse gets a 400 before any application code runs,
/// and Kestrel offers no hook for its headers). Responses the server writes already carry them and
/// pass through untouched.
/// </summary>
internal sealed class SecurityHeaderTransport(IDuplexPipe inner, byte[] headers) : IDuplexPipe
{
    public PipeReader Input => inner.Input;

    public PipeWriter Output { get; } =
        PipeWriter.Create(new HeaderStream(inner.Output.AsStream(leaveOpen: true), headers));

    public static byte[] Block(IEnumerable<(string Name, string Value)> headers) =>
        Encoding.ASCII.GetBytes(string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n")));

    private sealed class HeaderStream(Stream inner, byte[] headers) : Stream
    {
        private static readonly byte[] KestrelError = "HTTP/1.1 4"u8.ToArray();
        private static readonly byte[] Marker = "Content-Security-Policy:"u8.ToArray();
        private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) =>
            inner.Write(Patched(buffer.AsMemory(offset, count)).Span);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer,
            CancellationToken cancellationToken = default) =>

            inner.WriteAsync(Patched(buffer), cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>A Kestrel error response head without the headers gets them after its status line.</summary>
        private ReadOnlyMemory<byte> Patched(ReadOnlyMemory<byte> buffer)
        {
            var span = buffer.Span;
            if (!span.StartsWith(KestrelError) || span.IndexOf(Marker) >= 0) return buffer;
            var statusEnd = span.IndexOf(LineEnd);
            if (statusEnd < 0) return buffer;
            var patched = new byte[buffer.Length + headers.Length];
            span[..(statusEnd + 2)].CopyTo(patched);
            headers.CopyTo(patched, statusEnd + 2);
            span[(statusEnd + 2)..].CopyTo(patched.AsSpan(statusEnd + 2 + headers.Length));
            return patched;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
