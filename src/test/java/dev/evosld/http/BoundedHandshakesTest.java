package dev.evosld.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.evosld.data.hub.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BoundedHandshakesTest {
    private static final Duration CONNECT = Duration.ofMillis(300);
    /**
     * The connect timeout of a client whose handshake is to succeed: on a loaded machine a handshake may take longer
     * than {@link #CONNECT}, the first one (which loads the TLS code) much longer.
     */
    private static final Duration HANDSHAKE = Duration.ofSeconds(1);
    private static final Duration READ = Duration.ofSeconds(30);

    private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
        .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostName())
        .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress())
        .build();

    @AutoClose
    private final MockWebServer server = TestServers.startedWithNagle();

    /**
     * A client of the test server's certificate (or of the platform's, for a server that never shows one) whose connects
     * and handshakes time out after {@code connect}.
     */
    private static OkHttpClient client(List<Protocol> protocols, Duration connect) {
        HandshakeCertificates trusted = new HandshakeCertificates.Builder()
            .addTrustedCertificate(LOCALHOST.certificate())
            .build();
        return BoundedHandshakes.applyTo(new OkHttpClient.Builder(), connect, trusted.trustManager())
            .readTimeout(READ)
            .protocols(protocols)
            .build();
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsGivenUpAfterTheConnectTimeoutNotTheReadTimeout() throws Exception {
        // observed: an https:// URL of a plain-HTTP server that waits for a request line kept the user a whole read
        // timeout (a minute) before saying that the server did not answer the TLS handshake
        try (ServerSocket silent = TestServers.silent()) {
            Request request = new Request.Builder().url("https://127.0.0.1:" + silent.getLocalPort() + "/").build();
            OkHttpClient http = client(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1), CONNECT);
            SocketTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SocketTimeoutException.class, () -> http.newCall(request).execute()));
            assertEquals("the server did not answer the TLS handshake",
                TransportFault.of(e, "127.0.0.1", "the base URL").reason());
        }
    }

    @Test
    void anAnswerSlowerThanTheConnectTimeoutIsWaitedForOverHttp2() throws IOException {
        assertEquals("slow but sure", slowAnswer(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1), Protocol.HTTP_2));
    }

    @Test
    void anAnswerSlowerThanTheConnectTimeoutIsWaitedForOverHttp11() throws IOException {
        // OkHttp sets the read timeout on the socket again before each HTTP/1.1 exchange: the bound is the handshake's
        assertEquals("slow but sure", slowAnswer(List.of(Protocol.HTTP_1_1), Protocol.HTTP_1_1));
    }

    /** The body of an answer that a TLS server sends one and a half connect timeouts after the request. */
    private String slowAnswer(List<Protocol> protocols, Protocol expected) throws IOException {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory());
        // the first handshake loads and compiles the TLS code, which alone may take longer than HANDSHAKE on a loaded
        // machine; the client below makes a handshake of its own
        server.enqueue(new MockResponse.Builder().body("warm").build());
        try (Response warm = client(protocols, READ).newCall(new Request.Builder().url(server.url("/")).build())
            .execute()) {
            assertEquals("warm", warm.body().string());
        }
        server.enqueue(new MockResponse.Builder().body("slow but sure")
            .headersDelay(3 * HANDSHAKE.toMillis() / 2, TimeUnit.MILLISECONDS).build());
        try (Response response = client(protocols, HANDSHAKE).newCall(new Request.Builder().url(server.url("/")).build())
            .execute()) {
            assertEquals(expected, response.protocol());
            return response.body().string();
        }
    }
}
