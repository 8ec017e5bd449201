package dev.evosld.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * Sockets whose connects number {@code first} to {@code last} (counting from 1) fail as the JDK's do, in the connect
 * or in reading the answer, but at once, so that tests count attempts instead of waiting them out; every other connect reaches its address. A client that pools
 * connections connects once for many requests; pair this with a pool that keeps none to count requests.
 */
public final class FailingSockets extends SocketFactory {
    private final int first;
    private final int last;
    private final Supplier<Socket> failing;
    private final AtomicInteger created = new AtomicInteger();

    private FailingSockets(int first, int last, Supplier<Socket> failing) {
        this.first = first;
        this.last = last;
        this.failing = failing;
    }

    private static FailingSockets connecting(int first, int last, Supplier<IOException> failure) {
        return new FailingSockets(first, last, () -> new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                throw failure.get();
            }
        });
    }

    /** An address that silently drops packets: every connect times out. */
    public static FailingSockets droppingAll() {
        return droppingAfter(0);
    }

    /** The first {@code real} connects reach their address; every later one times out. */
    public static FailingSockets droppingAfter(int real) {
        return connecting(real + 1, Integer.MAX_VALUE, () -> new SocketTimeoutException("Connect timed out"));
    }

    /** A server down for a moment, as while it restarts: connects number {@code first} to {@code last} are refused. */
    public static FailingSockets refusing(int first, int last) {
        return connecting(first, last, () -> new ConnectException("Connection refused"));
    }

    /**
     * A server that takes the request and never answers, on connects number {@code first} to {@code last}: they reach
     * their address and send the request, but reading the answer times out at once, as a socket's read timeout does
     * when it passes. A test of what follows a timeout then needs no timeout short enough to wait out, which a loaded
     * machine may pass on the answer the test expects next.
     */
    public static FailingSockets timingOutReads(int first, int last) {
        return new FailingSockets(first, last, () -> new Socket() {
            @Override
            public InputStream getInputStream() {
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new SocketTimeoutException("Read timed out");
                    }
                };
            }
        });
    }

    @Override
    public Socket createSocket() {
        int number = created.incrementAndGet();
        if (number < first || number > last) {
            return new Socket();
        }
        return failing.get();
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("OkHttp connects an unconnected socket");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("OkHttp connects an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("OkHttp connects an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("OkHttp connects an unconnected socket");
    }
}
