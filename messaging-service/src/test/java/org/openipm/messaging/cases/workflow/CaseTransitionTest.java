package org.openipm.messaging.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openipm.messaging.cases.workflow.CaseScenarios.move;
import static org.openipm.messaging.cases.workflow.CaseScenarios.view;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.ActorKind;
import org.openipm.messaging.cases.rules.CaseWorkflow;
import org.openipm.messaging.cases.rules.Procedure;
import org.openipm.messaging.cases.rules.Transition;
import org.openipm.platform.security.Roles;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Every move of CaseWorkflow's table through the REST API, each on a case of its own walked there from FLAGGED,
 * with the real broker and database; one illegal move per status; who may not move a case.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseTransitionTest {

    private static String authority;
    private static Product product;
    private static TopicReader caseEvents;

    @BeforeEach
    void world() {
        if (authority == null) {
            authority = Fixtures.registerAuthority("FR", "FRLEH");
            product = Fixtures.cataloguedProduct("watches");
            caseEvents = new TopicReader(Topics.CASE_EVENTS);
        }
    }

    @AfterAll
    static void closeReader() {
        if (caseEvents != null) {
            caseEvents.close();
        }
    }

    static Stream<Arguments> everyMoveAndActor() {
        return CaseWorkflow.table().stream().flatMap(t -> t.actors().stream().sorted()
                .map(actor -> Arguments.of(t.from(), t.to(), actor,
                        t.procedures().contains(Procedure.STANDARD) ? Procedure.STANDARD : Procedure.SMALL_CONSIGNMENT)));
    }

    @ParameterizedTest(name = "{2} moves {0} -> {1} ({3})")
    @MethodSource("everyMoveAndActor")
    void everyAllowedMoveChangesTheStatusPublishesItAndEntersTheTimeline(CaseStatus from, CaseStatus to,
            ActorKind actor, Procedure procedure) {
        String caseId = caseIn(from, procedure);

        JsonPath moved = move(tokenOf(actor), caseId, to.name()).then().statusCode(200).extract().jsonPath();

        assertThat(moved.getString("status")).isEqualTo(to.name());
        JsonPath officers = view(officer(), caseId);
        assertThat(officers.getString("status")).isEqualTo(to.name());
        assertThat(officers.getMap("timeline.findAll { it.kind == 'STATUS_CHANGED' }[-1].details"))
                .containsEntry("from", from.name())
                .containsEntry("to", to.name());
        ConsumerRecord<String, String> record = caseEvents.awaitOne(r -> caseId.equals(r.key())
                && EventTypes.CASE_STATUS_CHANGED.equals(TopicReader.header(r, CloudEventHeaders.TYPE))
                && to.name().equals(JsonPath.from(r.value()).getString("to")));
        JsonPath payload = JsonPath.from(record.value());
        assertThat(payload.getString("from")).isEqualTo(from.name());
        assertThat(payload.getString("changedBy.kind")).isEqualTo(actor == ActorKind.BRAND ? "BRAND" : "AUTHORITY");
        assertThat(payload.getList("brandIds")).containsExactly(product.brandId());
        assertThat(payload.getList("authorities")).containsExactly(authority);
        assertThat(payload.getString("legalBasis")).isNotBlank();
    }

    @ParameterizedTest(name = "an illegal move out of {0} is 409 and changes nothing")
    @EnumSource(CaseStatus.class)
    void oneIllegalMovePerStatusIsAConflictNamingTheAllowedMoves(CaseStatus from) {
        String caseId = caseIn(from, Procedure.STANDARD);
        CaseStatus illegal = Arrays.stream(CaseStatus.values()).filter(to -> to != from && CaseWorkflow.table()
                .stream().noneMatch(t -> t.from() == from && t.to() == to)).findFirst().orElseThrow();
        int entries = view(officer(), caseId).getList("timeline").size();
        List<String> allowed = CaseWorkflow.table().stream()
                .filter(t -> t.from() == from && t.procedures().contains(Procedure.STANDARD))
                .map(t -> t.to().name()).toList();

        String detail = move(officer(), caseId, illegal.name()).then().statusCode(409)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");

        assertThat(detail).contains(from.name()).contains(illegal.name());
        allowed.forEach(move -> assertThat(detail).contains(move));
        if (allowed.isEmpty()) {
            assertThat(detail).contains("final");
        }
        JsonPath after = view(officer(), caseId);
        assertThat(after.getString("status")).isEqualTo(from.name());
        assertThat(after.getList("timeline")).hasSize(entries);
    }

    @Test
    void aParticipantWhoMayNotMakeTheMoveIsForbiddenAndAnyoneElseFindsNoCase() {
        String caseId = caseIn(CaseStatus.FLAGGED, Procedure.STANDARD);
        String belgian = Fixtures.registerAuthority("BE", "BEANR");
        io.restassured.RestAssured.given().auth().oauth2(officer()).contentType("application/json")
                .body(Map.of("authority", belgian)).post("/api/v1/cases/{id}/invitations", caseId).then()
                .statusCode(201);

        move(Tokens.brand(product.brandId()), caseId, "DETAINED").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("flagging authority"));
        move(Tokens.officer(belgian, "BE"), caseId, "DETAINED").then().statusCode(403)
                .body("detail", containsString("invited authority"));
        move(officer(), caseId, "DETAINED").then().statusCode(200);
        move(officer(), caseId, "RIGHT_HOLDER_CONFIRMED").then().statusCode(403)
                .body("detail", containsString("right holder"));
        move(Tokens.brand(product.brandId()), caseId, "RELEASED").then().statusCode(403);

        String otherFrench = Fixtures.registerAuthority("FR", "FRMRS");
        for (String outsider : List.of(Tokens.officer(otherFrench, "FR"), Tokens.brand(Fixtures.newId("other")),
                Tokens.admin(), Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR"),
                Tokens.withRole(Roles.SSP, "some-provider", "FR"))) {
            move(outsider, caseId, "RIGHT_HOLDER_CONFIRMED").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        move(officer(), java.util.UUID.randomUUID().toString(), "DETAINED").then().statusCode(404);
        assertThat(view(officer(), caseId).getString("status")).isEqualTo("DETAINED");
    }

    @Test
    void goodsFactsComeFromTheAuthorityWithItsDecisionOnAFlaggedCase() {
        String caseId = caseIn(CaseStatus.FLAGGED, Procedure.STANDARD);

        move(Tokens.brand(product.brandId()), caseId, "DETAINED", "PERISHABLE").then().statusCode(400);
        move(officer(), caseId, "DETAINED", "PERISHABLE").then().statusCode(200).body("goodsFacts[0]",
                org.hamcrest.Matchers.equalTo("PERISHABLE"));
        move(officer(), caseId, "RELEASED", "SMALL_CONSIGNMENT").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("goodsFacts"));
        move(officer(), caseId, "NO_SUCH_STATUS").then().statusCode(400);
        assertThat(view(officer(), caseId).getString("status")).isEqualTo("DETAINED");
    }

    @Test
    void twoMovesOfOneCaseAtOnceAreAppliedOneAfterTheOther() {
        // A Swiss office: no legal clock, so no deadline rows whose unique key could serialise the moves instead.
        String swiss = Fixtures.registerAuthority("CH", "CHBSL");
        String caseId = CaseScenarios.openCase(swiss, "CH", "CHBSL", product);

        int officers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(officers);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(officers);
        List<CompletableFuture<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < officers; i++) {
            moves.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return move(Tokens.officer(swiss, "CH"), caseId, "DETAINED").statusCode();
            }, pool));
        }
        List<Integer> answers = moves.stream().map(CompletableFuture::join).sorted().toList();
        pool.shutdown();

        // One detention wins; every other is judged against the status it left (DETAINED), and refused.
        assertThat(answers).containsExactly(200, 409, 409, 409, 409, 409);
        JsonPath after = view(Tokens.officer(swiss, "CH"), caseId);
        assertThat(after.getList("timeline.kind").stream().filter("STATUS_CHANGED"::equals)).hasSize(1);
    }

    /** A new case walked from FLAGGED to {@code status} along the table's shortest path. */
    private static String caseIn(CaseStatus status, Procedure procedure) {
        String caseId = CaseScenarios.openCase(authority, "FR", "FRLEH", product);
        boolean first = true;
        for (Transition step : pathTo(status, procedure)) {
            ActorKind actor = step.actors().contains(ActorKind.AUTHORITY) ? ActorKind.AUTHORITY : ActorKind.BRAND;
            String[] facts = first && procedure == Procedure.SMALL_CONSIGNMENT ? new String[] { "SMALL_CONSIGNMENT" }
                    : new String[0];
            move(tokenOf(actor), caseId, step.to().name(), facts).then().statusCode(200);
            first = false;
        }
        return caseId;
    }

    private static List<Transition> pathTo(CaseStatus target, Procedure procedure) {
        Map<CaseStatus, List<Transition>> paths = new HashMap<>(Map.of(CaseStatus.FLAGGED, List.of()));
        ArrayDeque<CaseStatus> queue = new ArrayDeque<>(List.of(CaseStatus.FLAGGED));
        while (!queue.isEmpty()) {
            CaseStatus at = queue.poll();
            for (Transition t : CaseWorkflow.table()) {
                if (t.from() == at && t.procedures().contains(procedure) && !paths.containsKey(t.to())) {
                    List<Transition> path = new ArrayList<>(paths.get(at));
                    path.add(t);
                    paths.put(t.to(), path);
                    queue.add(t.to());
                }
            }
        }
        return Optional.ofNullable(paths.get(target)).orElseThrow();
    }

    private static String tokenOf(ActorKind actor) {
        return actor == ActorKind.BRAND ? Tokens.brand(product.brandId()) : officer();
    }

    private static String officer() {
        return Tokens.officer(authority, "FR");
    }
}
