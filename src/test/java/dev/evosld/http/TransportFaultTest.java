package dev.evosld.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * The faults a test server cannot easily stage; those it can are in the clients' tests (HttpChatClientTest,
 * HubClientTest).
 */
class TransportFaultTest {
    private static final String HOST = "llm.example";

    private static TransportFault of(IOException e) {
        return TransportFault.of(e, HOST, "the base URL");
    }

    private static TransportFault passing(String reason) {
        return new TransportFault(reason, "", false);
    }

    @Test
    void aSocksProxysRefusalOfTheHostIsNamedAsItsOwn() {
        // the JDK's SOCKS client reports the proxy's reply code in its own words
        assertEquals(new TransportFault("the SOCKS proxy would not connect to the host (SOCKS: Connection not allowed by"
            + " ruleset)", "", true), of(new SocketException("SOCKS: Connection not allowed by ruleset")));
    }

    @Test
    void anUntrustedCertificateIsNamedAsSuch() {
        SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed: sun.security.provider.certpath"
            + ".SunCertPathBuilderException: unable to find valid certification path to requested target");
        assertEquals(new TransportFault("the server's TLS certificate is not trusted (self-signed, or from an authority"
            + " this Java does not know?)", "", true), of(e));
    }

    @Test
    void aCertificateRefusedDeeperDownIsNamedAsSuch() {
        SSLHandshakeException e = new SSLHandshakeException("handshake failed");
        e.initCause(new CertificateException("expired"));
        assertEquals("the server's TLS certificate is not trusted (self-signed, or from an authority this Java does not"
            + " know?)", of(e).reason());
    }

    @Test
    void aCertificateForAnotherHostIsNamedAsSuch() {
        assertEquals(new TransportFault("the server's TLS certificate is not for its host name", "", true),
            of(new SSLPeerUnverifiedException("Hostname llm.example not verified:\n certificate: ...")));
    }

    @Test
    void aPlainHttpServerIsHintedAtWithTheSettingsName() {
        TransportFault fault = TransportFault.of(new SSLException("Unsupported or unrecognized SSL message"), HOST,
            "--endpoint");
        assertEquals(new TransportFault("the server does not speak TLS", " (is --endpoint http:// rather than"
            + " https://?)", true), fault);
        assertEquals("the server does not speak TLS (is --endpoint http:// rather than https://?)", fault.described());
    }

    @Test
    void faultsOfTheAddressAreLastingAndHinted() {
        assertEquals(new TransportFault("unknown host 'llm.example'", " (is the host name right?)", true),
            of(new UnknownHostException("llm.example: Temporary failure in name resolution")));
        assertEquals(new TransportFault("connection refused", " (is a server running there?)", true),
            of(new ConnectException("Failed to connect to llm.example/10.0.0.7:443")));
        assertEquals(new TransportFault("timed out connecting", " (does a firewall drop the packets, or is the address"
            + " wrong?)", true), of(new SocketTimeoutException("Connect timed out")));
    }

    @Test
    void aTimeoutWaitingForTheAnswerIsWordedTheSameWhicheverTimerEndsIt() {
        assertEquals(passing("timed out waiting for the answer"), of(new SocketTimeoutException("Read timed out")));
        assertEquals(passing("timed out waiting for the answer"), of(new InterruptedIOException("timeout")));
    }

    @Test
    void aTimeoutDuringTheTlsHandshakeIsLastingWhicheverTimerEndsIt() {
        // a read timeout is only told from the answer's by where it was thrown: inside SSLSocket.startHandshake
        TransportFault silent = new TransportFault("the server did not answer the TLS handshake", " (is the base URL"
            + " http:// rather than https://?)", true);
        assertEquals(silent, of(inHandshake(new SocketTimeoutException("Read timed out"))));
        // the whole call's timeout closes the socket under the handshake and reports the close as its cause
        InterruptedIOException callTimeout = new InterruptedIOException("timeout");
        callTimeout.initCause(inHandshake(new SocketException("Socket closed")));
        assertEquals(silent, of(callTimeout));
    }

    /** {@code e} as thrown from inside a TLS handshake, as the JDK's SSLSocket throws it. */
    private static <T extends IOException> T inHandshake(T e) {
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("sun.nio.ch.NioSocketImpl", "timedRead", "NioSocketImpl.java", 277),
            new StackTraceElement("sun.security.ssl.SSLSocketImpl", "startHandshake", "SSLSocketImpl.java", 455),
            new StackTraceElement("okhttp3.internal.connection.ConnectPlan", "connectTls", "ConnectPlan.kt", 365)});
        return e;
    }

    @Test
    void socketFaultsAreWordedWithoutClassNames() {
        assertEquals(passing("the server reset the connection"), of(new SocketException("Connection reset")));
        assertEquals(passing("the server closed the connection while the request was sent"),
            of(new SocketException("Broken pipe")));
        assertEquals(passing("the network cannot reach the host"), of(new NoRouteToHostException("No route to host")));
        assertEquals(passing("the network cannot reach the host"), of(new SocketException("Network is unreachable")));
        assertEquals(passing("the server closed the connection before the answer was complete"),
            of(new EOFException()));
        assertEquals(passing("the server's answer is not valid HTTP (Unexpected status line: SSH-2.0)"),
            of(new ProtocolException("Unexpected status line: SSH-2.0")));
    }

    @Test
    void aLongMessageIsCutBetweenCharactersNotInsideOne() {
        // a server's status line quoted in part: half of an emoji would show as '?'
        String line = "Unexpected status line: " + "\uD83D\uDE00".repeat(300);
        assertEquals(passing("the server's answer is not valid HTTP (Unexpected status line: "
            + "\uD83D\uDE00".repeat(175) + "…)"), of(new ProtocolException(line)));
    }

    @Test
    void anUnknownFaultKeepsItsMessageButNotItsClass() {
        assertEquals(passing("the connection failed (canceled)"), of(new IOException("canceled")));
        assertEquals(passing("the connection failed"), of(new IOException()));
    }
}
