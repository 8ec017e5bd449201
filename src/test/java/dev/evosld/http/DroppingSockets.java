package dev.evosld.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * Sockets to an address that silently drops packets: after the first {@code real} connections, each connect fails as
 * the JDK's does when its timeout ends, but at once, so that tests count attempts instead of waiting them out.
 */
public final class DroppingSockets extends SocketFactory {
    private final int real;
    private final AtomicInteger created = new AtomicInteger();

    private DroppingSockets(int real) {
        this.real = real;
    }

    /** Every connect times out. */
    public static DroppingSockets always() {
        return new DroppingSockets(0);
    }

    /** The first {@code real} connects reach their address; every later one times out. */
    public static DroppingSockets after(int real) {
        return new DroppingSockets(real);
    }

    @Override
    public Socket createSocket() {
        if (created.getAndIncrement() < real) {
            return new Socket();
        }
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                throw new SocketTimeoutException("Connect timed out");
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
