using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Wellbeing.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, keeping every message it accepts, parsed by MimeKit.
/// It can be stopped and started again on the same port (SMTP down, then up) and told to refuse recipients.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public LoopbackSmtpServer()
    {
        // The OS picks a free port; the server then listens on it (and again on it after a restart).
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    /// <summary>Every message accepted so far, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Received => _received.ToArray();

    /// <summary>Recipients the server refuses permanently (550 to RCPT TO), as a mailbox that does not exist would be.</summary>
    public ConcurrentBag<string> RefusedRecipients { get; } = [];

    public void Start()
    {
        if (_server is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new DelegatingMailboxFilter((_, to, _) => !RefusedRecipients.Contains($"{to.User}@{to.Host}")));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _server.ShutdownTask;
        await _running!;
        _server = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
