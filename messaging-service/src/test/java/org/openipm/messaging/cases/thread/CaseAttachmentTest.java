package org.openipm.messaging.cases.thread;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * Files on thread messages (photos of the shipment among them): typed by their content, limited in number and
 * size, served back byte for byte only to those who may read the message.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseAttachmentTest {

    private static final int MAX_FILE = 64 * 1024; // the test profile's openipm.attachments.max-file-size

    private String authority;
    private Product watches;
    private Product bags;
    private String caseId;

    @BeforeEach
    void aContainerHoldingTwoBrandsGoods() {
        Fixtures.TwoBrandCase shared = Fixtures.twoBrandCase();
        authority = shared.authority();
        watches = shared.watches();
        bags = shared.bags();
        caseId = shared.caseId();
    }

    @Test
    void photosOfTheShipmentReachTheBrandByteForByteTypedByTheirContent() throws Exception {
        byte[] png = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 20_000);
        byte[] jpeg = file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 30_000);
        byte[] pdf = file("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 5_000);
        byte[] webp = file("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 1_000);

        JsonPath posted = upload(officer(), toWatches("Photos of the seized watches"))
                .multiPart("file", "container door.png", png, "application/octet-stream")
                .multiPart("file", "dial.jpg", jpeg, "image/jpeg")
                .multiPart("file", "../../etc/packing list.pdf", pdf, "image/png")
                .multiPart("file", "strap.webp", webp, "image/webp")
                .post("/api/v1/cases/{id}/messages", caseId).then().statusCode(201).extract().jsonPath();

        assertThat(posted.getList("attachments.contentType")).containsExactly("image/png", "image/jpeg",
                "application/pdf", "image/webp");
        assertThat(posted.getList("attachments.fileName")).containsExactly("container door.png", "dial.jpg",
                "packing list.pdf", "strap.webp");
        assertThat(posted.getList("attachments.sha256")).containsExactly(sha256(png), sha256(jpeg), sha256(pdf),
                sha256(webp));
        String messageId = posted.getString("id");
        List<String> ids = posted.getList("attachments.id");

        Response served = given().auth().oauth2(Tokens.brand(watches.brandId()))
                .get("/api/v1/cases/{id}/messages/{m}/attachments/{a}", caseId, messageId, ids.get(0));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.asByteArray()).isEqualTo(png);
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Content-Disposition")).startsWith("attachment; filename=\"container door.png\"");
        assertThat(given().auth().oauth2(officer()).get("/api/v1/cases/{id}/messages/{m}/attachments/{a}", caseId,
                messageId, ids.get(2)).asByteArray()).isEqualTo(pdf);

        JsonPath brandsThread = given().auth().oauth2(Tokens.brand(watches.brandId()))
                .get("/api/v1/cases/{id}/messages", caseId).then().statusCode(200).extract().jsonPath();
        assertThat(brandsThread.getList("items[0].attachments.id")).isEqualTo(ids);

        String stranger = Fixtures.registerAuthority("DE", "DEHAM");
        for (String token : List.of(Tokens.brand(bags.brandId()), Tokens.brand(Fixtures.newId("stranger")),
                Tokens.officer(stranger, "DE"), Tokens.admin())) {
            given().auth().oauth2(token).get("/api/v1/cases/{id}/messages/{m}/attachments/{a}", caseId, messageId,
                    ids.get(0)).then().statusCode(404);
        }
    }

    @Test
    void aRefusedFileRefusesTheMessageAndNothingIsStored() {
        byte[] png = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 1_000);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        RequestSpecification tooMany = upload(officer(), toWatches("six photos"));
        for (int i = 0; i < 6; i++) {
            tooMany.multiPart("file", "photo" + i + ".png", png, "image/png");
        }
        tooMany.post("/api/v1/cases/{id}/messages", caseId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.is("file"));
        upload(officer(), toWatches("too large"))
                .multiPart("file", "huge.png", file(png, MAX_FILE + 1), "image/png")
                .post("/api/v1/cases/{id}/messages", caseId).then().statusCode(413)
                .contentType("application/problem+json");
        upload(officer(), toWatches("a page"))
                .multiPart("file", "photo.png", png, "image/png")
                .multiPart("file", "photo2.png", html, "image/png")
                .post("/api/v1/cases/{id}/messages", caseId).then().statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("file[1]"));
        upload(officer(), toWatches("nothing"))
                .multiPart("file", "empty.png", new byte[0], "image/png")
                .post("/api/v1/cases/{id}/messages", caseId).then().statusCode(400);
        upload(officer(), "{not json").multiPart("file", "photo.png", png, "image/png")
                .post("/api/v1/cases/{id}/messages", caseId).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("message"));

        assertThat(given().auth().oauth2(officer()).get("/api/v1/cases/{id}/messages", caseId).then()
                .statusCode(200).extract().jsonPath().getLong("total")).isZero();
        assertThat(given().auth().oauth2(officer()).get("/api/v1/cases/{id}", caseId).then().extract().jsonPath()
                .getList("timeline.kind")).containsExactly("OPENED");
    }

    private RequestSpecification upload(String token, String message) {
        return given().auth().oauth2(token).multiPart("message", message, "application/json");
    }

    private String toWatches(String text) {
        return "{\"type\":\"INFORMATION\",\"text\":\"" + text + "\",\"addressedTo\":[{\"kind\":\"BRAND\",\"id\":\""
                + watches.brandId() + "\"}]}";
    }

    private String officer() {
        return Tokens.officer(authority, "FR");
    }

    private static byte[] file(byte[] head, int size) {
        byte[] content = new byte[size];
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy(head, 0, content, 0, Math.min(head.length, size));
        return content;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
