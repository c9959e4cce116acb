package org.openipm.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openipm.notification.MailServerResource;
import org.openipm.notification.Verdicts;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** E-mail subscriptions: a real SMTP server (GreenMail) receives the alert in the subscriber's language, once. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class EmailDeliveryTest {

    private static Verdicts verdicts;

    @BeforeAll
    static void start() {
        verdicts = new Verdicts();
    }

    @AfterAll
    static void stop() {
        verdicts.close();
    }

    @Test
    void anAlertIsMailedInTheSubscribersLanguageOnceEvenWhenItsEventIsRedelivered() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String address = brand + "@brand.example";
        String id = given().auth().oauth2(Tokens.brand(brand)).contentType("application/json")
                .body("{\"channel\":\"EMAIL\",\"email\":\"" + address + "\",\"language\":\"es\"}")
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("subscription.id");
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        verdicts.send(eventId, Verdicts.counterfeit(brand, "fr-douane", null), key);
        verdicts.send(eventId, Verdicts.counterfeit(brand, "fr-douane", null), key); // redelivered
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(address).isEmpty());
        // A test event queued after the alert's mail went out: once it arrives, nothing else is on its way.
        String marker = given().auth().oauth2(Tokens.brand(brand)).post("/api/v1/subscriptions/" + id + "/test")
                .then().statusCode(202).extract().path("webhookId");

        List<MimeMessage> mails = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(address), m -> m.stream().anyMatch(mail -> marker.equals(header(mail))));
        assertThat(mails).hasSize(2);
        MimeMessage alert = mails.stream().filter(m -> !marker.equals(header(m))).findFirst().orElseThrow();
        assertThat(alert.getSubject()).startsWith("OpenIPM: Falsificación");
        assertThat(((String) alert.getContent())).contains(eventId.toString());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Tokens.brand(brand))
                .get("/api/v1/subscriptions/" + id + "/deliveries").then().extract().jsonPath()
                .getList("items.status").equals(List.of("DELIVERED", "DELIVERED")));
    }

    private static List<MimeMessage> mailsTo(String address) {
        GreenMail server = MailServerResource.server();
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String header(MimeMessage mail) {
        try {
            String[] values = mail.getHeader("X-OpenIPM-Delivery");
            return values == null ? null : values[0];
        } catch (Exception e) {
            return null;
        }
    }
}
