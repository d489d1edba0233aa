using System.Net;
using System.Net.Sockets;

namespace SopBot.EndToEndTests.Infrastructure;

internal static class LoopbackPorts
{
    /// <summary>
    /// Returns a TCP port that is free on 127.0.0.1 right now. Another process can still take it
    /// before the caller binds it, so a server that fails to bind should be reported, not retried blindly.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Returns whether a URL points at this machine's loopback interface.</summary>
    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Scheme is "data" or "blob" or "about");
}
