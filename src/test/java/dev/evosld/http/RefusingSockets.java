package dev.evosld.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * Sockets to a server that is down for a moment, as while it restarts: connects number {@code first} to {@code last}
 * (counting from 1) are refused as the JDK refuses them, every other one reaches its address. A client that pools
 * connections connects once for many requests; pair this with a pool that keeps none to count requests.
 */
public final class RefusingSockets extends SocketFactory {
    private final int first;
    private final int last;
    private final AtomicInteger created = new AtomicInteger();

    private RefusingSockets(int first, int last) {
        this.first = first;
        this.last = last;
    }

    /** Connects number {@code first} to {@code last} are refused. */
    public static RefusingSockets during(int first, int last) {
        return new RefusingSockets(first, last);
    }

    @Override
    public Socket createSocket() {
        int number = created.incrementAndGet();
        if (number < first || number > last) {
            return new Socket();
        }
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                throw new ConnectException("Connection refused");
            }
        };
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
