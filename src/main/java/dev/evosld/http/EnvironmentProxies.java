package dev.evosld.http;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The proxies the environment names, as curl, pip and Python's requests read them: {@code https_proxy} /
 * {@code HTTPS_PROXY} for https URLs, {@code http_proxy} / {@code HTTP_PROXY} for http ones (the lower-case name
 * first), and {@code no_proxy} / {@code NO_PROXY}, a comma-separated list of hosts and domain suffixes ({@code *} for
 * all) reached directly. A loopback host (a local LLM server) is always reached directly, as Go's clients do: a
 * corporate proxy cannot reach this machine's {@code localhost}.
 *
 * <p>A proxy is an {@code http://} URL, the scheme optional; a user and password in it are sent to the proxy when it
 * asks for them (HTTP 407).
 */
public final class EnvironmentProxies extends ProxySelector {
    private final Optional<ProxyUrl> http;
    private final Optional<ProxyUrl> https;
    private final List<String> direct;

    private EnvironmentProxies(Optional<ProxyUrl> http, Optional<ProxyUrl> https, List<String> direct) {
        this.http = http;
        this.https = https;
        this.direct = direct;
    }

    /**
     * The proxies {@code environment} names.
     *
     * @throws EvosldException naming the variable when a proxy URL is not an http:// URL with a host
     */
    public static EnvironmentProxies from(Map<String, String> environment) {
        String noProxy = first(environment, "no_proxy", "NO_PROXY").map(Variable::value).orElse("");
        List<String> direct = Arrays.stream(noProxy.split("[,\\s]+"))
            .map(EnvironmentProxies::hostPattern)
            .filter(entry -> !entry.isEmpty())
            .toList();
        return new EnvironmentProxies(
            first(environment, "http_proxy", "HTTP_PROXY").map(ProxyUrl::parse),
            first(environment, "https_proxy", "HTTPS_PROXY").map(ProxyUrl::parse),
            direct);
    }

    /** {@code http} routed through these proxies. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder http) {
        return http.proxySelector(this).proxyAuthenticator(authenticator());
    }

    /**
     * The proxy a request to {@code url} goes through, if any, for the line that says it cannot be reached: the host
     * that could not be found or refused may be the proxy's.
     */
    public Optional<Via> via(HttpUrl url) {
        Proxy selected = select(url.uri()).getFirst();
        return Stream.of(http, https).flatMap(Optional::stream).filter(p -> p.proxy().equals(selected)).findFirst()
            .map(p -> new Via(p.variable(), p.host(), p.port()));
    }

    /**
     * A proxy requests go through.
     *
     * @param variable the environment variable that names it
     */
    public record Via(String variable, String host, int port) {
        /** How a line names it: {@code through the proxy proxy.example:3128 (HTTPS_PROXY)}. */
        public String described() {
            return "through the proxy " + host + ":" + port + " (" + variable + ")";
        }
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Optional<ProxyUrl> proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (proxy.isEmpty() || isLoopback(host) || bypasses(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy.get().proxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // one proxy at most per scheme: there is no other to fall back to
    }

    private boolean bypasses(String host) {
        return direct.stream().anyMatch(entry -> entry.equals("*") || host.equals(entry) || host.endsWith("." + entry));
    }

    /** Sends a proxy's credentials once it asks for them, and gives up if it refuses them. */
    private Authenticator authenticator() {
        return (route, response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            Proxy used = route.proxy();
            return http.filter(p -> p.proxy().equals(used)).or(() -> https.filter(p -> p.proxy().equals(used)))
                .flatMap(ProxyUrl::credentials)
                .map(credentials -> response.request().newBuilder().header("Proxy-Authorization", credentials).build())
                .orElse(null);
        };
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
            || host.equals("[::1]") || host.equals("::1");
    }

    /** A {@code NO_PROXY} entry as a host or domain: lower case, without a port or a leading {@code *.} or dot. */
    private static String hostPattern(String entry) {
        String pattern = entry.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        if (pattern.startsWith("*.")) {
            return pattern.substring(2);
        }
        return pattern.startsWith(".") ? pattern.substring(1) : pattern;
    }

    private static Optional<Variable> first(Map<String, String> environment, String lower, String upper) {
        for (String name : List.of(lower, upper)) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new Variable(name, value.strip()));
            }
        }
        return Optional.empty();
    }

    private record Variable(String name, String value) {
    }

    /** A proxy and the credentials its URL holds, if any, as an HTTP {@code Proxy-Authorization} value. */
    private record ProxyUrl(String variable, Proxy proxy, Optional<String> credentials) {
        String host() {
            return ((InetSocketAddress) proxy.address()).getHostString();
        }

        int port() {
            return ((InetSocketAddress) proxy.address()).getPort();
        }

        static ProxyUrl parse(Variable variable) {
            String text = variable.value().contains("://") ? variable.value() : "http://" + variable.value();
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw notAProxy(variable, "it is not a URL");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                throw notAProxy(variable, "EvoSLD speaks to a proxy over plain http://, not " + uri.getScheme()
                    + "://");
            }
            if (uri.getHost() == null) {
                throw notAProxy(variable, "it names no host");
            }
            Optional<String> credentials = Optional.ofNullable(uri.getUserInfo()).map(info -> {
                int colon = info.indexOf(':');
                return colon < 0 ? Credentials.basic(info, "") : Credentials.basic(info.substring(0, colon),
                    info.substring(colon + 1));
            });
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            return new ProxyUrl(variable.name(), new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port)),
                credentials);
        }

        private static EvosldException notAProxy(Variable variable, String why) {
            // the value is not quoted: a proxy URL may hold a password
            return new EvosldException(variable.name() + " is not a proxy URL such as http://proxy.example:3128 (" + why
                + ")");
        }
    }
}
