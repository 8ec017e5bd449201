package dev.evosld.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class EnvironmentProxiesTest {
    private static final Proxy CORPORATE =
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp.example", 3128));

    private static List<Proxy> select(Map<String, String> environment, String url) {
        return EnvironmentProxies.from(environment).select(URI.create(url));
    }

    @Test
    void eachSchemeTakesItsOwnVariable() {
        Map<String, String> httpsOnly = Map.of("HTTPS_PROXY", "http://proxy.corp.example:3128");
        assertEquals(List.of(CORPORATE), select(httpsOnly, "https://datasets-server.huggingface.co/splits"));
        assertEquals(List.of(Proxy.NO_PROXY), select(httpsOnly, "http://llm.corp.example/v1"));
        assertEquals(List.of(CORPORATE), select(Map.of("HTTP_PROXY", "proxy.corp.example:3128"),
            "http://llm.corp.example/v1/chat/completions"));
    }

    @Test
    void theLowerCaseNameWinsAsCurlsDoes() {
        Map<String, String> both = Map.of("https_proxy", "http://proxy.corp.example:3128",
            "HTTPS_PROXY", "http://old-proxy.corp.example:8080");
        assertEquals(List.of(CORPORATE), select(both, "https://api.openai.com/v1"));
    }

    @Test
    void noProxyHostsAndDomainsAreReachedDirectly() {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://proxy.corp.example:3128",
            "NO_PROXY", " .corp.example, llm.lab:8443 ,*.internal");
        assertEquals(List.of(Proxy.NO_PROXY), select(environment, "https://llm.corp.example/v1"));
        assertEquals(List.of(Proxy.NO_PROXY), select(environment, "https://corp.example/v1"));
        assertEquals(List.of(Proxy.NO_PROXY), select(environment, "https://LLM.lab:8443/v1"));
        assertEquals(List.of(Proxy.NO_PROXY), select(environment, "https://gpu.internal/v1"));
        assertEquals(List.of(CORPORATE), select(environment, "https://notcorp.example/v1"));
        assertEquals(List.of(Proxy.NO_PROXY),
            select(Map.of("HTTPS_PROXY", "http://proxy.corp.example:3128", "no_proxy", "*"), "https://a.example/"));
    }

    @Test
    void aLoopbackHostIsAlwaysReachedDirectly() {
        Map<String, String> environment = Map.of("HTTP_PROXY", "http://proxy.corp.example:3128");
        for (String url : List.of("http://localhost:8000/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8000/v1")) {
            assertEquals(List.of(Proxy.NO_PROXY), select(environment, url), url);
        }
    }

    @Test
    void saysWhichProxyARequestGoesThrough() {
        EnvironmentProxies proxies = EnvironmentProxies.from(Map.of("https_proxy", "proxy.corp.example:3128"));
        assertEquals(Optional.of(new EnvironmentProxies.Via("https_proxy", "proxy.corp.example", 3128)),
            proxies.via(HttpUrl.get("https://api.openai.com/v1")));
        assertEquals("through the proxy proxy.corp.example:3128 (https_proxy)",
            proxies.via(HttpUrl.get("https://api.openai.com/v1")).orElseThrow().described());
        assertEquals(Optional.empty(), proxies.via(HttpUrl.get("http://api.openai.com/v1")));
    }

    @Test
    void noVariableMeansNoProxy() {
        assertEquals(List.of(Proxy.NO_PROXY), select(Map.of("HTTPS_PROXY", "  "), "https://api.openai.com/v1"));
    }

    @Test
    void allProxyServesASchemeWithoutItsOwn() {
        Map<String, String> environment = Map.of("ALL_PROXY", "http://proxy.corp.example:3128",
            "http_proxy", "http://other.corp.example:8080");
        assertEquals(List.of(CORPORATE), select(environment, "https://api.openai.com/v1"));
        Proxy other = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("other.corp.example", 8080));
        assertEquals(List.of(other), select(environment, "http://llm.corp.example/v1"));
        assertEquals(Optional.of(new EnvironmentProxies.Via("ALL_PROXY", "proxy.corp.example", 3128)),
            EnvironmentProxies.from(environment).via(HttpUrl.get("https://api.openai.com/v1")));
    }

    @Test
    void anAllProxyThatNoSchemeFallsBackToIsNotRead() {
        // observed: ALL_PROXY=socks5://user:pass@… set for curl stopped every run, though HTTPS_PROXY and HTTP_PROXY
        // name the proxies for both schemes and curl too would never use it
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://proxy.corp.example:3128",
            "HTTP_PROXY", "http://proxy.corp.example:3128", "ALL_PROXY", "socks5://user:secret@socks.corp.example:1080");
        assertEquals(List.of(CORPORATE), select(environment, "https://api.openai.com/v1"));
        assertEquals(List.of(CORPORATE), select(environment, "http://llm.corp.example/v1"));
    }

    @Test
    void aSocksProxyIsASocksProxy() {
        Proxy tunnel = new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("localhost", 1080));
        assertEquals(List.of(tunnel), select(Map.of("all_proxy", "socks5h://localhost"), "https://api.openai.com/v1"));
        assertEquals(List.of(tunnel), select(Map.of("HTTPS_PROXY", "SOCKS5://localhost:1080"), "https://a.example/"));
    }

    @Test
    void noProxyAddressRangesCoverAddressesInsideThem() {
        Map<String, String> environment = Map.of("HTTP_PROXY", "http://proxy.corp.example:3128",
            "NO_PROXY", "10.0.0.0/8, 192.168.1.0/24,fd00::/8");
        for (String url : List.of("http://10.1.2.3:8000/v1", "http://192.168.1.77/v1", "http://[fd12::1]:8000/v1")) {
            assertEquals(List.of(Proxy.NO_PROXY), select(environment, url), url);
        }
        for (String url : List.of("http://11.1.2.3/v1", "http://192.168.2.1/v1", "http://[fe80::1]/v1",
            "http://10.example/v1")) {
            assertEquals(List.of(CORPORATE), select(environment, url), url);
        }
    }

    @Test
    void aNoProxyAddressCoversThatAddressOnly() {
        Map<String, String> environment = Map.of("HTTP_PROXY", "http://proxy.corp.example:3128",
            "NO_PROXY", "10.0.0.5,::5");
        assertEquals(List.of(Proxy.NO_PROXY), select(environment, "http://10.0.0.5:8000/v1"));
        assertEquals(List.of(Proxy.NO_PROXY), select(environment, "http://[::5]:8000/v1"));
        assertEquals(List.of(CORPORATE), select(environment, "http://10.0.0.50/v1"));
    }

    @Test
    void aValueThatIsNoProxyUrlIsNamedWithoutShowingIt() {
        EvosldException socks4 = assertThrows(EvosldException.class,
            () -> EnvironmentProxies.from(Map.of("HTTPS_PROXY", "socks4://proxy:1080")));
        assertEquals("HTTPS_PROXY is not a proxy URL such as http://proxy.example:3128 (EvoSLD speaks to a proxy over"
            + " plain http:// or socks5://, not socks4://)", socks4.getMessage());
        EvosldException junk = assertThrows(EvosldException.class,
            () -> EnvironmentProxies.from(Map.of("http_proxy", "http://pro xy:3128")));
        assertEquals("http_proxy is not a proxy URL such as http://proxy.example:3128 (it is not a URL)",
            junk.getMessage());
    }

    @Test
    void aSocksProxyWithAPasswordIsRefusedSayingWhatToSetInstead() {
        // observed: "ALL_PROXY is not a proxy URL such as http://proxy.example:3128 (… use an http:// proxy for that)",
        // though it is one, and without saying how to give one
        EvosldException password = assertThrows(EvosldException.class,
            () -> EnvironmentProxies.from(Map.of("ALL_PROXY", "socks5://user:secret@proxy:1080")));
        assertEquals("ALL_PROXY names a SOCKS proxy with a user and password, which EvoSLD cannot send to a SOCKS"
            + " proxy: set ALL_PROXY to an http:// proxy URL instead (http://user:password@proxy.example:3128 sends"
            + " them when the proxy asks), or to a SOCKS proxy that asks for none, such as an ssh -D 1080 tunnel"
            + " (socks5h://localhost:1080)", password.getMessage());
        EvosldException user = assertThrows(EvosldException.class,
            () -> EnvironmentProxies.from(Map.of("https_proxy", "socks5h://user@proxy")));
        assertEquals("https_proxy names a SOCKS proxy with a user and password, which EvoSLD cannot send to a SOCKS"
            + " proxy: set https_proxy to an http:// proxy URL instead (http://user:password@proxy.example:3128 sends"
            + " them when the proxy asks), or to a SOCKS proxy that asks for none, such as an ssh -D 1080 tunnel"
            + " (socks5h://localhost:1080)", user.getMessage());
    }
}
