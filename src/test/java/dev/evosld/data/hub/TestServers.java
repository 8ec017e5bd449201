package dev.evosld.data.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;

/**
 * Started local MockWebServers for the tests of every package that talks HTTP. A test class holds one in an
 * {@code @AutoClose} field, so each test gets a server of its own, closed after it.
 */
public final class TestServers {
    private TestServers() {
    }

    /**
     * A started server that answers without the 40 ms Nagle / delayed-ACK stall of small responses; with
     * {@code dispatcher} null it answers from its queue.
     */
    public static MockWebServer started(Dispatcher dispatcher) {
        MockWebServer server = new MockWebServer();
        // MockWebServer writes headers and body separately; with Nagle on, the body waits for the client's
        // delayed ACK, some 40 ms a request, which would make these tests several times slower.
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        if (dispatcher != null) {
            server.setDispatcher(dispatcher);
        }
        return start(server);
    }

    /**
     * A started server with MockWebServer's own sockets, Nagle's algorithm on, answering from its queue: the
     * LLM client's tests of timeouts and trickled bodies were written against these.
     */
    public static MockWebServer startedWithNagle() {
        return start(new MockWebServer());
    }

    /**
     * An answer that never comes: the server takes the request and stalls until it is closed, which the test's teardown
     * does. A client then waits out its own timeout however slow a loaded machine is; a server that answered after a
     * delay would race that timeout.
     */
    public static MockResponse neverAnswered() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    /**
     * A started loopback server that speaks no TLS, for clients given an https URL: it reads the start of each
     * connection (the TLS hello) and writes {@code answer} back, or hangs up when it is empty. MockWebServer itself may
     * wait for the end of a request line that the hello's random bytes never hold, which a client sees as a read
     * timeout and retries. Closing it stops it.
     */
    public static ServerSocket plainAnswering(String answer) throws IOException {
        ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (true) {
                try (Socket socket = plain.accept()) {
                    socket.getInputStream().read(new byte[512]);
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return plain;
    }

    /**
     * A started loopback server that accepts connections and never says a word on them, as a plain-HTTP server given
     * a TLS hello waits for the end of a request line. Closing it stops it and hangs up on them.
     */
    public static ServerSocket silent() throws IOException {
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                for (Socket socket : held) {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // closed already
                    }
                }
            }
        });
        return silent;
    }

    // unchecked, so that a field initializer can start a server
    private static MockWebServer start(MockWebServer server) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
