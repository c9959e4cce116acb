package org.openipm.lookup.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** Once the cause of a dead letter is fixed, an operator re-drives it to the read model: applied, once. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeadLetterRedriveTest {

    private static final String REDRIVE = "/api/v1/admin/dead-letters/" + ProductEventHandler.CONSUMER + "/redrive";

    @Inject
    DataSource dataSource;

    @Test
    void aRecordTheReadModelRefusedIsAppliedOnceByARedriveAfterTheFix() throws SQLException {
        String gtin = CatalogueEvents.newGtin13();
        ProductSnapshot product = CatalogueEvents.product().gtins(gtin).snapshot();
        // A defect of the read model that refuses this product's data (a check violation: poison, not an outage).
        sql("create or replace function refuse_one_product() returns trigger language plpgsql as $$ begin "
                + "if new.id = '" + product.productId() + "' then raise exception 'refused for the test' using "
                + "errcode = 'check_violation'; end if; return new; end $$");
        sql("create trigger refuse_one_product before insert or update on product for each row "
                + "execute function refuse_one_product()");
        try {
            CatalogueEvents.send(product);
            try (TopicReader deadLetters = new TopicReader(PoisonRecordTest.DEAD_LETTERS)) {
                deadLetters.awaitOne(r -> product.productId().toString().equals(r.key()));
            }
            CatalogueEvents.lookupAsOfficer(gtin).body("products.size()", equalTo(0));
        } finally {
            sql("drop trigger refuse_one_product on product");
            sql("drop function refuse_one_product()");
        }

        given().auth().oauth2(Tokens.admin()).post(REDRIVE).then().statusCode(200)
                .body("consumer", equalTo(ProductEventHandler.CONSUMER))
                .body("deadLetterTopic", equalTo(PoisonRecordTest.DEAD_LETTERS))
                .body("redriven", greaterThanOrEqualTo(1))
                .body("complete", equalTo(true));
        CatalogueEvents.lookupAsOfficer(gtin).body("products.size()", equalTo(1));

        // Committed past: a second re-drive finds nothing more to apply (records that still fail stay parked).
        given().auth().oauth2(Tokens.admin()).post(REDRIVE).then().statusCode(200).body("redriven", equalTo(0));
        CatalogueEvents.lookupAsOfficer(gtin).body("products.size()", equalTo(1));
    }

    @Test
    void onlyAnAdminRedrivesAndOnlyThisServicesConsumers() {
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).post(REDRIVE).then().statusCode(403);
        given().auth().oauth2(Tokens.brand("acme")).post(REDRIVE).then().statusCode(403);
        given().post(REDRIVE).then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/dead-letters/product-service.access-log/redrive")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/dead-letters").then().statusCode(200)
                .body("consumer", hasItem(ProductEventHandler.CONSUMER));
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
