package dev.evosld.http;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.net.InetAddress;
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
 * {@code HTTPS_PROXY} for https URLs, {@code http_proxy} / {@code HTTP_PROXY} for http ones, {@code all_proxy} /
 * {@code ALL_PROXY} for either when its own is not set (the lower-case name first), and {@code no_proxy} /
 * {@code NO_PROXY}, a comma-separated list of hosts, domain suffixes and address ranges ({@code 10.0.0.0/8}) reached
 * directly ({@code *} for all). A loopback host (a local LLM server) is always reached directly, as Go's clients do:
 * a corporate proxy cannot reach this machine's {@code localhost}.
 *
 * <p>A proxy is an {@code http://} URL, the scheme optional, whose user and password are sent to the proxy when it
 * asks for them (HTTP 407), or a {@code socks5://} (or {@code socks5h://}) URL without them: the JDK takes a SOCKS
 * password only from a process-wide authenticator. Host names are resolved by the SOCKS proxy in both cases.
 */
public final class EnvironmentProxies extends ProxySelector {
    private final Optional<ProxyUrl> http;
    private final Optional<ProxyUrl> https;
    private final List<NoProxyEntry> direct;

    private EnvironmentProxies(Optional<ProxyUrl> http, Optional<ProxyUrl> https, List<NoProxyEntry> direct) {
        this.http = http;
        this.https = https;
        this.direct = direct;
    }

    /**
     * The proxies {@code environment} names.
     *
     * @throws EvosldException naming the variable when a proxy URL is not an http:// or socks5:// URL with a host
     *     (ALL_PROXY's only when a scheme has no variable of its own)
     */
    public static EnvironmentProxies from(Map<String, String> environment) {
        String noProxy = first(environment, "no_proxy", "NO_PROXY").map(Variable::value).orElse("");
        List<NoProxyEntry> direct = Arrays.stream(noProxy.split("[,\\s]+"))
            .map(NoProxyEntry::parse)
            .flatMap(Optional::stream)
            .toList();
        Optional<ProxyUrl> http = first(environment, "http_proxy", "HTTP_PROXY").map(ProxyUrl::parse);
        Optional<ProxyUrl> https = first(environment, "https_proxy", "HTTPS_PROXY").map(ProxyUrl::parse);
        // read only when a scheme falls back to it, as curl does: one set for other tools (a SOCKS proxy with a
        // password) must not stop a run that never goes through it
        Optional<ProxyUrl> all = http.isPresent() && https.isPresent() ? Optional.empty()
            : first(environment, "all_proxy", "ALL_PROXY").map(ProxyUrl::parse);
        return new EnvironmentProxies(http.or(() -> all), https.or(() -> all), direct);
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
        return direct.stream().anyMatch(entry -> entry.covers(host));
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
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean socks = scheme.equals("socks5") || scheme.equals("socks5h");
            if (!socks && !scheme.equals("http")) {
                throw notAProxy(variable, "EvoSLD speaks to a proxy over plain http:// or socks5://, not " + scheme
                    + "://");
            }
            if (uri.getHost() == null) {
                throw notAProxy(variable, "it names no host");
            }
            if (socks && uri.getUserInfo() != null) {
                // the JDK sends a SOCKS password only through the process-wide Authenticator.setDefault, which would
                // hand it to every connection of the process; OkHttp has no SOCKS login of its own
                throw new EvosldException(variable.name() + " names a SOCKS proxy with a user and password, which"
                    + " EvoSLD cannot send to a SOCKS proxy: set " + variable.name() + " to an http:// proxy URL instead"
                    + " (http://user:password@proxy.example:3128 sends them when the proxy asks), or to a SOCKS proxy"
                    + " that asks for none, such as an ssh -D 1080 tunnel (socks5h://localhost:1080)");
            }
            Optional<String> credentials = Optional.ofNullable(uri.getUserInfo()).map(info -> {
                int colon = info.indexOf(':');
                return colon < 0 ? Credentials.basic(info, "") : Credentials.basic(info.substring(0, colon),
                    info.substring(colon + 1));
            });
            int port = uri.getPort() >= 0 ? uri.getPort() : socks ? 1080 : 80;
            Proxy proxy = new Proxy(socks ? Proxy.Type.SOCKS : Proxy.Type.HTTP,
                InetSocketAddress.createUnresolved(uri.getHost(), port));
            return new ProxyUrl(variable.name(), proxy, credentials);
        }

        private static EvosldException notAProxy(Variable variable, String why) {
            // the value is not quoted: a proxy URL may hold a password
            return new EvosldException(variable.name() + " is not a proxy URL such as http://proxy.example:3128 (" + why
                + ")");
        }
    }

    /**
     * A {@code NO_PROXY} entry: {@code *}, a host or domain suffix (lower case, without a port or a leading
     * {@code *.} or dot), or an address or address range such as {@code 10.0.0.0/8} or {@code fd00::/8}, which covers
     * the hosts written as addresses inside it (names are not resolved for it, as curl does not).
     */
    private record NoProxyEntry(String domain, Optional<AddressRange> range) {
        static Optional<NoProxyEntry> parse(String entry) {
            String text = entry.strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<AddressRange> range = AddressRange.parse(text);
            if (range.isPresent()) {
                return Optional.of(new NoProxyEntry("", range));
            }
            String domain = text.replaceFirst(":\\d+$", "").replaceFirst("^\\*?\\.", "");
            return domain.isEmpty() ? Optional.empty() : Optional.of(new NoProxyEntry(domain, Optional.empty()));
        }

        boolean covers(String host) {
            if (range.isPresent()) {
                return range.get().contains(host);
            }
            return domain.equals("*") || host.equals(domain) || host.endsWith("." + domain);
        }
    }

    /** The addresses whose first {@code bits} bits are those of {@code network}; all bits for one address. */
    private record AddressRange(byte[] network, int bits) {
        static Optional<AddressRange> parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                // one address, which stripping a port would mangle when it is IPv6 (::5)
                return literal(text).map(InetAddress::getAddress)
                    .map(bytes -> new AddressRange(bytes, bytes.length * 8));
            }
            Optional<InetAddress> address = literal(text.substring(0, slash));
            if (address.isEmpty() || !text.substring(slash + 1).matches("\\d{1,3}")) {
                return Optional.empty();
            }
            byte[] network = address.get().getAddress();
            int bits = Integer.parseInt(text.substring(slash + 1));
            return bits > network.length * 8 ? Optional.empty() : Optional.of(new AddressRange(network, bits));
        }

        boolean contains(String host) {
            Optional<byte[]> address = literal(host).map(InetAddress::getAddress);
            if (address.isEmpty() || address.get().length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address.get()[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The address {@code text} writes ({@code [::1]} as a URL does), never looked up by name. */
        private static Optional<InetAddress> literal(String text) {
            String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            try {
                return Optional.of(InetAddress.ofLiteral(bare));
            } catch (IllegalArgumentException notAnAddress) {
                return Optional.empty();
            }
        }
    }
}
