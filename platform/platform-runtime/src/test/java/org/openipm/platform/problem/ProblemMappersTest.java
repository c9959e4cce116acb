package org.openipm.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Every failure a request can meet answers RFC 9457 problem+json with its documented status and type. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProblemMappersTest {

    private static final String TYPES = "https://openipm.org/problems/";

    @Test
    void rulesBrokenByTheServiceKeepTheirStatusAndType() {
        problem(admin().get("/api/gadgets/nothing-" + UUID.randomUUID()), 404, "not-found")
                .body("detail", startsWith("Gadget nothing-"));
        problem(admin().get("/api/gadgets/failing/conflict"), 409, "gadget-busy");
        problem(admin().get("/api/gadgets/failing/too-soon"), 429, "slow-down").header("Retry-After", "7");
    }

    @Test
    void badRequestsAreRefusedWithWhatIsWrong() {
        problem(admin().contentType("application/json").body("{\"name\": \"\"}").post("/api/gadgets"), 400,
                "validation").body("errors.field", contains("name"));
        problem(admin().contentType("application/json").body("{\"name\": ").post("/api/gadgets"), 400,
                "malformed-json");
        problem(admin().contentType("text/plain").body("gadget").post("/api/gadgets"), 415, "unsupported-media-type");
        problem(admin().delete("/api/gadgets/x"), 405, "method-not-allowed");
    }

    @Test
    void callersWithoutTheRightTokenAreRefused() {
        problem(given().get("/api/gadgets/x"), 401, "unauthorized").header("WWW-Authenticate", "Bearer");
        problem(given().auth().oauth2(Tokens.expired("admin")).get("/api/gadgets/x"), 401, "unauthorized");
        problem(given().auth().oauth2(Tokens.brand("acme")).get("/api/gadgets/x"), 403, "forbidden");
    }

    @Test
    void databaseFailuresTellTheClientWhatToDo() {
        String name = "twice-" + UUID.randomUUID();
        admin().contentType("application/json").body("{\"name\": \"" + name + "\"}").post("/api/gadgets")
                .then().statusCode(201);
        problem(admin().contentType("application/json").body("{\"name\": \"" + name + "\"}").post("/api/gadgets"),
                409, "conflict");
        problem(admin().get("/api/gadgets/failing/stale"), 412, "stale-version");
        problem(admin().get("/api/gadgets/failing/database-gone"), 503, "unavailable").header("Retry-After", "5");
        problem(admin().get("/api/gadgets/failing/bug"), 500, "internal")
                .body("detail", equalTo("The request could not be completed"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static io.restassured.response.ValidatableResponse problem(io.restassured.response.Response response,
            int status, String type) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(TYPES + type)).body("status", equalTo(status));
    }
}
