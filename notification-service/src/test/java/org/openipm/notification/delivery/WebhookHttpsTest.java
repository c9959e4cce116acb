package org.openipm.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openipm.notification.MailServerResource;
import org.openipm.notification.NotificationSettings;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;
import org.openipm.notification.webhook.WebhookSecrets;
import org.openipm.notification.webhook.WebhookTargets;
import org.openipm.testing.PlatformTestResource;

/**
 * The production path: https. The sender connects to the address that was checked, so TLS must still judge the
 * certificate by the URL's host name (sent as SNI and in {@code Host}), never by that address. A real TLS server on
 * loopback, its certificate made by the JDK's keytool for a name that only this test's resolver knows.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class WebhookHttpsTest {

    private static final String NAME = "hooks.brand.example";
    private static final String PASSWORD = "changeit";

    @Inject
    Vertx vertx;

    @Inject
    NotificationSettings settings;

    @Inject
    WebhookClients defaultTrust;

    @Inject
    WebhookSecrets secrets;

    @TempDir
    Path keys;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Knows one name, at loopback; anything else does not resolve, so nothing can be looked up again. */
    private final WebhookTargets targets = new WebhookTargets(true, host -> {
        if (host.equals(NAME)) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        throw new UnknownHostException(host);
    });

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEndpointWhoseCertificateCarriesTheUrlsNameIsCalledByThatName() throws Exception {
        Path certificate = startServerWithCertificateFor(NAME);
        WebhookClients trusting = new WebhookClients(vertx, settings,
                new PemTrustOptions().addCertPath(certificate.toString()));

        Outcome outcome = deliverOnce(trusting);

        assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
        assertThat(outcome.statusCode()).isEqualTo(204);
        assertThat(received).containsExactly("sni=" + NAME + " host=" + NAME + ":" + server.actualPort());
        trusting.closeAll();
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenAtTheCheckedAddress() throws Exception {
        // Trusted, but issued to another host: accepting it because the connection went to the right address would
        // let any certificate the client trusts stand in for the subscriber's.
        Path certificate = startServerWithCertificateFor("other.example");
        WebhookClients trusting = new WebhookClients(vertx, settings,
                new PemTrustOptions().addCertPath(certificate.toString()));

        Outcome outcome = deliverOnce(trusting);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.unreachable()).as(outcome.toString()).isTrue();
        assertThat(received).isEmpty();
        trusting.closeAll();
    }

    @Test
    void aCertificateNoTrustedAuthorityIssuedIsRefused() throws Exception {
        startServerWithCertificateFor(NAME);

        Outcome outcome = deliverOnce(defaultTrust); // the JDK's trust store, as in production

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.unreachable()).as(outcome.toString()).isTrue();
        assertThat(received).isEmpty();
    }

    private Outcome deliverOnce(WebhookClients clients) throws Exception {
        WebhookSender sender = new WebhookSender(clients, targets, secrets, Duration.ofSeconds(10), 2);
        UUID id = UUID.randomUUID();
        Target target = new Target(id, Recipient.brand("brand-" + id), Channel.WEBHOOK,
                "https://" + NAME + ":" + server.actualPort() + "/hook", null, "en",
                secrets.seal(id, secrets.newSecret()), null, null, true, false);
        try (TurnSender turn = sender.begin(target, Instant.now())) {
            Claimed delivery = new Claimed(UUID.randomUUID(), id, 1, "{\"sequence\":1}", 0);
            return turn.send(delivery, Instant.now()).await(Duration.ofSeconds(10));
        }
    }

    /** Starts an https server on loopback with a new self-signed certificate for {@code name}; returns it (PEM). */
    private Path startServerWithCertificateFor(String name) throws Exception {
        Path store = keys.resolve("server.p12");
        Path certificate = keys.resolve("server.pem");
        keytool("-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=dns:" + name, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "hook", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setHost("127.0.0.1")
                .setPort(0).setKeyCertOptions(new PfxOptions().setPath(store.toString()).setPassword(PASSWORD)))
                .requestHandler(request -> request.body().onComplete(body -> {
                    received.add("sni=" + request.connection().indicatedServerName() + " host="
                            + request.getHeader("Host"));
                    request.response().setStatusCode(204).end();
                }))
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return certificate;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
