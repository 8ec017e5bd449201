package dev.evosld.http;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 proxy on a local port, without authentication, that relays every connection to one local port whatever
 * host it is asked for, and records the {@code host:port} each client asked for: enough of RFC 1928 to test that a
 * client goes through it and leaves the name to it.
 */
public final class SocksRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private SocksRelay(int target) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread.ofVirtual().start(this::accept);
    }

    /** A relay to {@code targetPort} on this machine. */
    public static SocksRelay to(int targetPort) throws IOException {
        return new SocksRelay(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The {@code host:port} of each connection asked for, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte(); // version 5
            in.readFully(new byte[in.readUnsignedByte()]); // the methods offered
            out.write(new byte[] {5, 0}); // no authentication
            in.readFully(new byte[3]); // version, CONNECT, reserved
            String host = switch (in.readUnsignedByte()) {
                case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
                case 3 -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
                default -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            };
            requested.add(host + ":" + in.readUnsignedShort());
            out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            Thread back = Thread.ofVirtual().start(() -> pipe(upstreamInput(upstream), out));
            pipe(in, upstream.getOutputStream());
            back.join();
        } catch (IOException | InterruptedException e) {
            // the client or the target went away: the connection ends
        }
    }

    private static InputStream upstreamInput(Socket upstream) {
        try {
            return upstream.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
            to.flush();
        } catch (IOException e) {
            // either side closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
