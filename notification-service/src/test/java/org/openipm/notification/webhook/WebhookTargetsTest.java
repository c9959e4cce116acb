package org.openipm.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF refusal is checked by resolving (a table stands for DNS here), never by connecting. */
class WebhookTargetsTest {

    private static final Map<String, String[]> DNS = Map.of(
            "hooks.brand.example", new String[] {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
            "metadata.attacker.example", new String[] {"169.254.169.254"},
            "mixed.attacker.example", new String[] {"93.184.215.14", "10.0.0.5"},
            "internal.attacker.example", new String[] {"192.168.1.20"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) { // a literal address resolves to itself
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }

    private final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTest::resolve);
    private final WebhookTargets local = new WebhookTargets(true, WebhookTargetsTest::resolve);

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertThat(production.refusal("https://hooks.brand.example/openipm?tenant=7")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://metadata.attacker.example/latest/meta-data/", // cloud metadata, link-local
            "https://mixed.attacker.example/", // one private address among public ones is enough
            "https://internal.attacker.example/",
            "https://localhost/",
            "https://127.0.0.1/", "https://10.1.2.3/", "https://172.16.0.1/", "https://100.64.0.1/",
            "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
            "https://[::ffff:10.0.0.1]/", "https://198.18.0.1/", "https://224.0.0.1/"})
    void addressesInsideTheNetworkAreRefused(String url) {
        assertThat(production.refusal(url)).hasValueSatisfying(why -> assertThat(why).contains("not a public address"));
    }

    @Test
    void plainHttpOnlyToLoopbackAndOnlyInALocalRun() {
        assertThat(production.refusal("http://hooks.brand.example/")).contains("only https URLs are accepted");
        assertThat(production.refusal("http://localhost:9999/hook")).isPresent();
        assertThat(local.refusal("http://localhost:9999/hook")).isEmpty();
        assertThat(local.refusal("http://127.0.0.1:9999/hook")).isEmpty();
        assertThat(local.refusal("http://hooks.brand.example/")).contains("only https URLs are accepted");
        assertThat(local.refusal("https://internal.attacker.example/")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.brand.example/x", "ftp://hooks.brand.example/", "https:///path",
            "https://user:secret@hooks.brand.example/", "https://hooks.brand.example/#frag", "https://no.such.example/",
            "https://hooks.brand.example/ space"})
    void malformedOrUnresolvableUrlsAreRefused(String url) {
        assertThat(production.refusal(url)).isPresent();
    }

    @Test
    void overlongUrlsAreRefusedBeforeAnyLookup() {
        WebhookTargets neverResolves = new WebhookTargets(false, host -> {
            throw new AssertionError("resolved " + host);
        });
        assertThat(neverResolves.refusal("https://hooks.brand.example/" + "a".repeat(WebhookTargets.MAX_URL_LENGTH)))
                .isPresent();
    }
}
