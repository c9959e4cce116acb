package org.openipm.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openipm.notification.MailServerResource;
import org.openipm.notification.alert.Recipient;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;
import org.openipm.notification.webhook.WebhookSecrets;
import org.openipm.notification.webhook.WebhookTargets;
import org.openipm.testing.PlatformTestResource;

/**
 * What reaches the wire, read by a bare socket server: the address a webhook connection goes to, and several
 * deliveries of one subscription on one connection before the first answer, in sequence order.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class WebhookConnectionsTest {

    private static final Pattern WEBHOOK_ID = Pattern.compile("(?im)^webhook-id: *(\\S+)\\r?$");
    private static final Pattern HOST = Pattern.compile("(?im)^host: *(\\S+)\\r?$");

    @Inject
    WebhookClients clients;

    @Inject
    WebhookSecrets secrets;

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedNotToANewLookUp() throws Exception {
        // The name exists only in this table: a client resolving it again (as a rebinding DNS server would want)
        // could not connect at all.
        WebhookTargets targets = new WebhookTargets(true, host -> {
            if (host.equals("hooks.brand.example")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            throw new UnknownHostException(host);
        });
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> received = answerAfter(server, 1);
            WebhookSender sender = new WebhookSender(clients, targets, secrets, Duration.ofSeconds(10), 4);
            Target target = target("http://hooks.brand.example:" + server.getLocalPort() + "/hook?tenant=7");

            Outcome outcome = sender.begin(target, Instant.now()).send(delivery(target, 1), Instant.now())
                    .await(Duration.ofSeconds(10));

            assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
            String request = received.get(10, TimeUnit.SECONDS).get(0);
            assertThat(request).startsWith("POST /hook?tenant=7 HTTP/1.1");
            assertThat(header(HOST, request)).isEqualTo("hooks.brand.example:" + server.getLocalPort());
        }
    }

    @Test
    void aSubscriptionsDeliveriesShareOneConnectionSeveralAtOnceInSequenceOrder() throws Exception {
        WebhookTargets targets = new WebhookTargets(true, InetAddress::getAllByName);
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            // The server reads three whole requests before it answers any: a sender waiting for each answer before
            // the next request would never get one.
            CompletableFuture<List<String>> received = answerAfter(server, 3);
            WebhookSender sender = new WebhookSender(clients, targets, secrets, Duration.ofSeconds(10), 3);
            Target target = target("http://127.0.0.1:" + server.getLocalPort() + "/pipelined");
            TurnSender turn = sender.begin(target, Instant.now());
            List<Claimed> due = List.of(delivery(target, 1), delivery(target, 2), delivery(target, 3));

            List<Attempt> attempts = new ArrayList<>();
            for (Claimed delivery : due) {
                attempts.add(turn.send(delivery, Instant.now()));
            }

            for (Attempt attempt : attempts) {
                Outcome outcome = attempt.await(Duration.ofSeconds(10));
                assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
                assertThat(outcome.statusCode()).isEqualTo(204);
            }
            assertThat(received.get(10, TimeUnit.SECONDS)).extracting(request -> header(WEBHOOK_ID, request))
                    .containsExactly(due.stream().map(d -> DeliveryMessages.messageId(d.id())).toArray(String[]::new));
        }
    }

    @Test
    void anEndpointThatNeverAnswersIsGivenUpAfterTheTimeout() throws Exception {
        WebhookTargets targets = new WebhookTargets(true, InetAddress::getAllByName);
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> received = answerAfter(server, 99); // reads, never answers
            WebhookSender sender = new WebhookSender(clients, targets, secrets, Duration.ofSeconds(10), 2);
            Target target = target("http://127.0.0.1:" + server.getLocalPort() + "/silent");
            TurnSender turn = sender.begin(target, Instant.now());

            Attempt first = turn.send(delivery(target, 1), Instant.now());
            Attempt second = turn.send(delivery(target, 2), Instant.now());

            Outcome outcome = first.await(Duration.ofMillis(500));
            assertThat(outcome.unreachable()).isTrue();
            assertThat(outcome.error()).isEqualTo("no answer within 500 ms");
            // Giving up closed the connection: the request behind it fails too instead of hanging.
            assertThat(second.await(Duration.ofSeconds(5)).unreachable()).isTrue();
        }
    }

    private Target target(String url) {
        UUID id = UUID.randomUUID();
        return new Target(id, Recipient.brand("brand-" + id), Channel.WEBHOOK, url, null, "en",
                secrets.seal(id, secrets.newSecret()), null, null, true, false);
    }

    private static Claimed delivery(Target target, long sequence) {
        return new Claimed(UUID.randomUUID(), target.id(), sequence, "{\"sequence\":" + sequence + "}", 0);
    }

    private static String header(Pattern pattern, String request) {
        Matcher matcher = pattern.matcher(request);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Accepts one connection, reads {@code count} whole requests from it, then answers each 204 in order (or never,
     * when fewer arrive).
     */
    private static CompletableFuture<List<String>> answerAfter(ServerSocket server, int count) {
        CompletableFuture<List<String>> read = new CompletableFuture<>();
        Thread serving = new Thread(() -> {
            try (Socket connection = server.accept()) {
                InputStream in = connection.getInputStream();
                List<String> requests = new ArrayList<>();
                while (requests.size() < count) {
                    String request = readRequest(in);
                    if (request == null) {
                        read.complete(requests);
                        return;
                    }
                    requests.add(request);
                }
                read.complete(requests);
                OutputStream out = connection.getOutputStream();
                for (int i = 0; i < count; i++) {
                    out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                in.read(); // keeps the connection open until the client closes it
            } catch (IOException e) {
                read.completeExceptionally(e);
            }
        }, "bare-webhook-server");
        serving.setDaemon(true);
        serving.start();
        return read;
    }

    /** The head and body of one request, or null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)\\r?$").matcher(text);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(bodyLength);
        return text.toLowerCase(Locale.ROOT).isEmpty() ? null : text + new String(body, StandardCharsets.UTF_8);
    }
}
