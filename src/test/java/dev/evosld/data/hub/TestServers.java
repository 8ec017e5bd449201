package dev.evosld.data.hub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;

/** Local MockWebServers that answer without the 40 ms Nagle / delayed-ACK stall of small responses. */
final class TestServers {
    private TestServers() {
    }

    /** A started server; with {@code dispatcher} null it answers from its queue. */
    static MockWebServer started(Dispatcher dispatcher) throws IOException {
        MockWebServer server = new MockWebServer();
        // MockWebServer writes headers and body separately; with Nagle on, the body waits for the client's
        // delayed ACK, some 40 ms a request, which would make these tests several times slower.
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        if (dispatcher != null) {
            server.setDispatcher(dispatcher);
        }
        server.start();
        return server;
    }

    private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }
    }
}
