package org.openipm.reference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.AuthenticationQuery.CodeReading;
import org.openipm.provider.protocol.AuthenticationQuery.Place;
import org.openipm.provider.protocol.AuthenticationQuery.Requester;
import org.openipm.provider.protocol.MessageSignatures;

/** OpenIPM's side of the HTTP connector, as a test drives it: signs queries, checks and reads signed answers. */
public final class ProtocolClient {

    /** The test profile's shared secret (application.properties). */
    public static final String SHARED_SECRET = "whsec_dGVzdC1zaGFyZWQtc2VjcmV0LW9mLXRoZS1yZWYtcHJvdmlkZXI=";
    public static final String ENDPOINT = "/protocol/v1/authentications";
    public static final MessageSignatures SIGNATURES = new MessageSignatures(SHARED_SECRET);
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ProtocolClient() {
    }

    public static AuthenticationQuery query(UUID requestId, String code, String country) {
        return new AuthenticationQuery(AuthenticationQuery.VERSION, requestId, code,
                new CodeReading("GS1_DIGITAL_LINK", null, null, List.of()), null, "acme",
                new Requester("fr-customs", "FR"), new Place(country, "FRLEH", 49.48, 0.11), Instant.now());
    }

    public static String body(AuthenticationQuery query) {
        try {
            return JSON.writeValueAsString(query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the query signed as OpenIPM signs it (webhook-id = request id, timestamp now). */
    public static Response send(AuthenticationQuery query) {
        String body = body(query);
        return post(SIGNATURES.sign(query.requestId().toString(), Instant.now(), body), body);
    }

    public static Response post(Map<String, String> headers, String body) {
        return given().contentType("application/json").headers(headers).body(body).post(ENDPOINT);
    }

    /** Sends, expects 200 and an answer whose signature verifies, and reads it. */
    public static AuthenticationAnswer ask(AuthenticationQuery query) {
        return verifiedAnswer(send(query));
    }

    public static AuthenticationAnswer verifiedAnswer(Response response) {
        response.then().statusCode(200).contentType("application/json");
        String body = response.asString();
        Map<String, String> headers = Map.of(
                MessageSignatures.ID, String.valueOf(response.header(MessageSignatures.ID)),
                MessageSignatures.TIMESTAMP, String.valueOf(response.header(MessageSignatures.TIMESTAMP)),
                MessageSignatures.SIGNATURE, String.valueOf(response.header(MessageSignatures.SIGNATURE)));
        assertThat(SIGNATURES.verify(headers, body)).as("the answer verifies with the shared secret").isTrue();
        try {
            return JSON.readValue(body, AuthenticationAnswer.class);
        } catch (Exception e) {
            throw new AssertionError("Not an answer: " + body, e);
        }
    }
}
