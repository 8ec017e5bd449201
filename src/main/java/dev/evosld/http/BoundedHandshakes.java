package dev.evosld.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * TLS sockets whose handshake a silent server cannot hold up for longer than the connect timeout. OkHttp's connect
 * timeout covers the TCP connect alone, and the handshake reads under the read timeout, which is meant for a slow
 * answer (a model's minute): an {@code https://} URL of a plain-HTTP server, which waits for a request line the TLS
 * hello never ends, kept a user that long. The bound is set on each socket as it is layered over the TCP connection,
 * before the handshake; OkHttp sets the read timeout on the socket again before each HTTP/1.1 exchange, and HTTP/2
 * times its streams itself, so no answer is cut short by it.
 */
public final class BoundedHandshakes extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final int timeoutMillis;

    private BoundedHandshakes(SSLSocketFactory delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeoutMillis = (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }

    /**
     * {@code http} with {@code timeout} as its connect timeout, bounding the TLS handshake too, with the certificates
     * this Java trusts, as OkHttp's own default.
     */
    public static OkHttpClient.Builder applyTo(OkHttpClient.Builder http, Duration timeout) {
        return applyTo(http, timeout, platformTrust());
    }

    /** {@link #applyTo(OkHttpClient.Builder, Duration)} trusting {@code trust}'s certificates; tests' own. */
    static OkHttpClient.Builder applyTo(OkHttpClient.Builder http, Duration timeout, X509TrustManager trust) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            return http.connectTimeout(timeout)
                .sslSocketFactory(new BoundedHandshakes(tls.getSocketFactory(), timeout), trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    private static X509TrustManager platformTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("this Java's default trust managers include no X.509 one");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no default trust manager", e);
        }
    }

    /** The TLS socket over {@code socket}, its reads bounded by the timeout until OkHttp sets its own. */
    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        Socket tls = delegate.createSocket(socket, host, port, autoClose);
        // the read timeout OkHttp set on the TCP socket, when it is the shorter, still applies
        int read = socket.getSoTimeout();
        tls.setSoTimeout(read == 0 ? timeoutMillis : Math.min(read, timeoutMillis));
        return tls;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
