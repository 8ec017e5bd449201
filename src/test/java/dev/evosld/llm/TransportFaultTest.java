package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** The faults a test server cannot easily stage; those it can are in {@link HttpChatClientTest}. */
class TransportFaultTest {

    @Test
    void anUntrustedCertificateIsNamedAsSuch() {
        SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed: sun.security.provider.certpath"
            + ".SunCertPathBuilderException: unable to find valid certification path to requested target");
        assertEquals(new TransportFault("the server's TLS certificate is not trusted (self-signed, or from an authority"
            + " this Java does not know?)", true), TransportFault.of(e));
    }

    @Test
    void aCertificateRefusedDeeperDownIsNamedAsSuch() {
        SSLHandshakeException e = new SSLHandshakeException("handshake failed");
        e.initCause(new CertificateException("expired"));
        assertEquals("the server's TLS certificate is not trusted (self-signed, or from an authority this Java does not"
            + " know?)", TransportFault.of(e).reason());
    }

    @Test
    void aCertificateForAnotherHostIsNamedAsSuch() {
        assertEquals(new TransportFault("the server's TLS certificate is not for its host name", true),
            TransportFault.of(new SSLPeerUnverifiedException("Hostname llm.example not verified:\n certificate: ...")));
    }

    @Test
    void socketFaultsAreWordedWithoutClassNames() {
        assertEquals(new TransportFault("the server reset the connection", false),
            TransportFault.of(new SocketException("Connection reset")));
        assertEquals(new TransportFault("the server closed the connection while the request was sent", false),
            TransportFault.of(new SocketException("Broken pipe")));
        assertEquals(new TransportFault("the network cannot reach the host", false),
            TransportFault.of(new NoRouteToHostException("No route to host")));
        assertEquals(new TransportFault("the network cannot reach the host", false),
            TransportFault.of(new SocketException("Network is unreachable")));
        assertEquals(new TransportFault("the server closed the connection before the answer was complete", false),
            TransportFault.of(new EOFException()));
        assertEquals(new TransportFault("the server's answer is not valid HTTP (Unexpected status line: SSH-2.0)",
            false), TransportFault.of(new ProtocolException("Unexpected status line: SSH-2.0")));
    }

    @Test
    void anUnknownFaultKeepsItsMessageButNotItsClass() {
        assertEquals(new TransportFault("the connection failed (canceled)", false),
            TransportFault.of(new IOException("canceled")));
        assertEquals(new TransportFault("the connection failed", false), TransportFault.of(new IOException()));
    }
}
