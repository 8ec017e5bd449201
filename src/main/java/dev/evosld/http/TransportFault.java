package dev.evosld.http;

import dev.evosld.Shortened;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What went wrong with an HTTP exchange that failed below HTTP, worded for a user: Java's exception classes and
 * OkHttp's phrases ("unexpected end of stream on http://...") mean nothing to someone pointing EvoSLD at a server.
 *
 * @param reason what happened, in a few words, without the URL (the caller's line names it)
 * @param hint what the user may have got wrong, as {@code " (…?)"}, or empty; it only fits while the server has never
 *     answered, as a server that answered before has its address right
 * @param lasting whether the fault is one of the address (a refused connection, an unknown host, a connect timeout, a
 *     failed or unanswered TLS handshake): before the server has ever answered, no retry mends it
 */
public record TransportFault(String reason, String hint, boolean lasting) {
    /** The most characters (code points) of an exception's own message quoted. */
    private static final int MAX_DETAIL = 200;

    /**
     * The fault {@code e} of an exchange with {@code host} (the server's, or that of the proxy between).
     *
     * @param urlName how the user's line names the setting that holds the URL ({@code the base URL}, {@code
     *     --endpoint}), for the hint of a TLS handshake with a plain-HTTP server
     */
    public static TransportFault of(IOException e, String host, String urlName) {
        String message = lowerCase(e.getMessage());
        if (e instanceof UnknownHostException) {
            return new TransportFault("unknown host '" + host + "'", " (is the host name right?)", true);
        }
        if (e instanceof ConnectException) {
            // OkHttp's "Failed to connect to host/address:port", over the JDK's own words, which tell why
            String why = causes(e);
            if (why.contains("unreachable")) {
                return new TransportFault("the network cannot reach the host", " (is this machine online?)", true);
            }
            if (why.contains("timed out")) {
                return connectTimeout();
            }
            return new TransportFault("connection refused", " (is a server running there?)", true);
        }
        if (message.startsWith("socks")) {
            // the JDK's words for a SOCKS proxy's own refusal of the host ("SOCKS: Connection not allowed by ruleset")
            return new TransportFault("the SOCKS proxy would not connect to the host (" + oneLine(e.getMessage()) + ")",
                "", true);
        }
        if (e instanceof SocketException && message.equals("connection refused")) {
            // the JDK's own words, unwrapped, when a SOCKS proxy refuses the connection to itself
            return new TransportFault("connection refused", " (is a server running there?)", true);
        }
        if (e instanceof InterruptedIOException) {
            // OkHttp reports connect, read and write timeouts as SocketTimeoutException, a subclass, and the whole
            // call's as InterruptedIOException. Which fires first varies, and their messages with it ("timeout",
            // "Read timed out"): worded by what timed out alone, one fault reads as one, however often it recurs.
            if (message.contains("connect")) {
                return connectTimeout();
            }
            if (inTlsHandshake(e)) {
                // a plain-HTTP server waits for the end of a request line that the TLS hello never holds: each retry
                // would wait out the same timeout
                return new TransportFault("the server did not answer the TLS handshake", plainHttpHint(urlName), true);
            }
            return new TransportFault("timed out waiting for the answer", "", false);
        }
        if (e instanceof SSLException ssl) {
            return tlsFault(ssl, message, urlName);
        }
        if (e instanceof ProtocolException) {
            // OkHttp's words for a body shorter than its Content-Length
            return passing(message.contains("unexpected end of stream")
                ? "the server closed the connection before the answer was complete"
                : "the server's answer is not valid HTTP (" + oneLine(e.getMessage()) + ")");
        }
        if (message.startsWith("unexpected end of stream")) {
            // OkHttp's words for a connection closed before the status line
            return passing("the server closed the connection before answering");
        }
        if (e instanceof EOFException) {
            return passing("the server closed the connection before the answer was complete");
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return passing("the network cannot reach the host");
        }
        if (message.contains("connection reset")) {
            return passing("the server reset the connection");
        }
        if (message.contains("broken pipe")) {
            return passing("the server closed the connection while the request was sent");
        }
        return passing("the connection failed" + (e.getMessage() == null ? "" : " (" + oneLine(e.getMessage()) + ")"));
    }

    /** The reason with its hint, for a server that has never answered. */
    public String described() {
        return reason + hint;
    }

    private static TransportFault connectTimeout() {
        return new TransportFault("timed out connecting",
            " (does a firewall drop the packets, or is the address wrong?)", true);
    }

    /** The messages of {@code e} and its causes, in lower case. */
    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(lowerCase(cause.getMessage())).append('\n');
        }
        return messages.toString();
    }

    /**
     * Whether {@code e}, or the fault it reports (the whole call's timeout closes the socket under the read), was thrown
     * inside a TLS handshake. Nothing but where it was thrown tells a read timeout of the handshake from one of the
     * answer: both are {@code SocketTimeoutException: Read timed out}. OkHttp shakes hands through {@code
     * SSLSocket.startHandshake}, the method of that name in every TLS provider.
     */
    private static boolean inTlsHandshake(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getMethodName().equals("startHandshake")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String plainHttpHint(String urlName) {
        return " (is " + urlName + " http:// rather than https://?)";
    }

    private static TransportFault passing(String reason) {
        return new TransportFault(reason, "", false);
    }

    private static TransportFault tlsFault(SSLException e, String message, String urlName) {
        String plainHttpHint = plainHttpHint(urlName);
        if (message.contains("unrecognized ssl message") || message.contains("plaintext")) {
            return new TransportFault("the server does not speak TLS", plainHttpHint, true);
        }
        if (message.contains("terminated the handshake")) {
            return new TransportFault("the server broke off the TLS handshake", plainHttpHint, true);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            // OkHttp's hostname check: a certificate for another name
            return new TransportFault("the server's TLS certificate is not for its host name", "", true);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || lowerCase(cause.getMessage()).contains("pkix")) {
                return new TransportFault("the server's TLS certificate is not trusted (self-signed, or from an"
                    + " authority this Java does not know?)", "", true);
            }
        }
        return new TransportFault("the TLS handshake failed" + (e.getMessage() == null ? ""
            : " (" + oneLine(e.getMessage()) + ")"), "", true);
    }

    /** {@code text} on one line, cut between code points: a cut inside a surrogate pair leaves half a character. */
    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return Shortened.of(line, MAX_DETAIL);
    }

    private static String lowerCase(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
