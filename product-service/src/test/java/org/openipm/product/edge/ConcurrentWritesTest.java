package org.openipm.product.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Two requests racing for the same thing: one wins, the other is told why, and neither sees a 500. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ConcurrentWritesTest {

    private static final int ROUNDS = 8;
    private final ExecutorService pair = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pair.shutdownNow();
    }

    @Test
    void twoWritesWithTheSameIfMatchGiveOneSuccessAndOnePreconditionFailed() throws Exception {
        String brand = Catalogue.newBrand();
        for (int round = 0; round < ROUNDS; round++) {
            var created = Catalogue.create(brand, Catalogue.product("RACE-" + round));
            String id = created.path("id");
            String tag = created.header("ETag");
            List<Integer> statuses = race(writer -> {
                Map<String, Object> renamed = new HashMap<>(Catalogue.product("RACE-" + id.substring(0, 4)));
                renamed.put("sku", created.path("sku"));
                renamed.put("name", "Renamed by writer " + writer);
                return given().auth().oauth2(Tokens.brand(brand)).header("If-Match", tag)
                        .contentType(ContentType.JSON).body(renamed).put("/api/v1/products/" + id)
                        .then().extract().statusCode();
            });
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        }
    }

    @Test
    void twoCreatesOfTheSameSkuGiveOneCreatedAndOneConflict() throws Exception {
        String brand = Catalogue.newBrand();
        for (int round = 0; round < ROUNDS; round++) {
            String sku = "TWIN-" + round;
            List<Integer> statuses = race(writer -> given().auth().oauth2(Tokens.brand(brand))
                    .contentType(ContentType.JSON).body(Catalogue.product(sku)).post("/api/v1/products")
                    .then().extract().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().body("total", equalTo(ROUNDS));
    }

    /** Runs the same request from two threads released at once; returns both statuses. */
    private List<Integer> race(WriterRequest request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int writer = 1; writer <= 2; writer++) {
            int number = writer;
            Callable<Integer> call = () -> {
                start.await();
                return request.send(number);
            };
            answers.add(pair.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    @FunctionalInterface
    private interface WriterRequest {
        int send(int writer);
    }
}
