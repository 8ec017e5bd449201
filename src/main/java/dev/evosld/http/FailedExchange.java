package dev.evosld.http;

import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A request that failed below HTTP, as both clients word it: its fault, and the proxy it went through, if any, since
 * the host that could not be found or refused may be the proxy's.
 *
 * @param via the proxy between, from the environment ({@link EnvironmentProxies}); empty for a direct request
 */
public record FailedExchange(TransportFault fault, Optional<EnvironmentProxies.Via> via) {

    /**
     * The failure {@code e} of a request to {@code url} through {@code http}.
     *
     * @param urlName how the user's line names the setting that holds the URL, for {@link TransportFault#of}
     */
    public static FailedExchange of(IOException e, OkHttpClient http, HttpUrl url, String urlName) {
        Optional<EnvironmentProxies.Via> via = http.proxySelector() instanceof EnvironmentProxies proxies
            ? proxies.via(url) : Optional.empty();
        return new FailedExchange(
            TransportFault.of(e, via.map(EnvironmentProxies.Via::host).orElse(url.host()), urlName), via);
    }

    /** The line that says the server at {@code shown} (the URL as the user gave it) cannot be reached, and why. */
    public String cannotReach(String shown) {
        return "cannot reach " + shown + via.map(v -> " " + v.described()).orElse("") + ": " + fault.described();
    }
}
