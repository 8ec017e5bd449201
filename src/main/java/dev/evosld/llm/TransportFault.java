package dev.evosld.llm;

import java.io.EOFException;
import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What went wrong with an HTTP exchange that failed below HTTP, worded for a user: Java's exception classes and
 * OkHttp's phrases ("unexpected end of stream on http://...") mean nothing to someone pointing EvoSLD at a server.
 *
 * @param reason what happened, in a few words, without the URL (the caller's line names it)
 * @param tls whether the TLS handshake failed: a fault of the URL's scheme or the server's certificate, which no
 *     retry mends
 */
record TransportFault(String reason, boolean tls) {
    /** The hint for a handshake a server may have failed because it speaks plain HTTP. */
    private static final String PLAIN_HTTP_HINT = " (is the base URL http:// rather than https://?)";

    static TransportFault of(IOException e) {
        String message = lowerCase(e.getMessage());
        if (e instanceof SSLException) {
            return new TransportFault(tlsReason((SSLException) e, message), true);
        }
        if (e instanceof ProtocolException) {
            // OkHttp's words for a body shorter than its Content-Length
            return new TransportFault(message.contains("unexpected end of stream")
                ? "the server closed the connection before the answer was complete"
                : "the server's answer is not valid HTTP (" + Text.oneLine(e.getMessage()) + ")", false);
        }
        if (message.startsWith("unexpected end of stream")) {
            // OkHttp's words for a connection closed before the status line
            return new TransportFault("the server closed the connection before answering", false);
        }
        if (e instanceof EOFException) {
            return new TransportFault("the server closed the connection before the answer was complete", false);
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return new TransportFault("the network cannot reach the host", false);
        }
        if (message.contains("connection reset")) {
            return new TransportFault("the server reset the connection", false);
        }
        if (message.contains("broken pipe")) {
            return new TransportFault("the server closed the connection while the request was sent", false);
        }
        return new TransportFault("the connection failed" + (e.getMessage() == null ? ""
            : " (" + Text.oneLine(e.getMessage()) + ")"), false);
    }

    private static String tlsReason(SSLException e, String message) {
        if (message.contains("unrecognized ssl message") || message.contains("plaintext")) {
            return "the server does not speak TLS" + PLAIN_HTTP_HINT;
        }
        if (message.contains("terminated the handshake")) {
            return "the server broke off the TLS handshake" + PLAIN_HTTP_HINT;
        }
        if (e instanceof SSLPeerUnverifiedException) {
            // OkHttp's hostname check: a certificate for another name
            return "the server's TLS certificate is not for its host name";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || lowerCase(cause.getMessage()).contains("pkix")) {
                return "the server's TLS certificate is not trusted (self-signed, or from an authority this Java does not"
                    + " know?)";
            }
        }
        return "the TLS handshake failed" + (e.getMessage() == null ? "" : " (" + Text.oneLine(e.getMessage()) + ")");
    }

    private static String lowerCase(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
