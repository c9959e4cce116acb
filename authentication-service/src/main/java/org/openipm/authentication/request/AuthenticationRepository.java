package org.openipm.authentication.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.openipm.authentication.clone.Sighting;
import org.openipm.platform.outbox.Outbox;

@ApplicationScoped
public class AuthenticationRepository implements PanacheRepositoryBase<AuthenticationRequest, UUID> {

    /** Every column, in the order {@link #requestOf} reads them. */
    private static final String COLUMNS = "id, status, code, code_kind, gtin, serial, product_id, brand_id, "
            + "authority, country, place_country, place_office, latitude, longitude, requested_by, requested_at, "
            + "verdict, provider_verdict, confidence, probable_clone, reason, evidence, provider_id, "
            + "provider_reference, provider_latency_ms, asked_at, answer_due_at, completed_at";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AuthenticationRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Inserts a new request, still PENDING, with its {@code authentication-requested} event in one statement: a
     * statement is atomic on its own, so both are written or neither, and the relay is woken once they are. One round
     * trip instead of a transaction's four (begin, two inserts, commit); the request's path from the officer's POST to
     * its verdict was mostly such round trips.
     */
    public void insertPending(AuthenticationRequest request, Outbox.Staged requested, String relayChannel) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("with accepted as (insert into "
                        + "authentication_request (id, status, code, code_kind, gtin, serial, product_id, authority, "
                        + "country, place_country, place_office, latitude, longitude, requested_by, requested_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)), recorded as (" + Outbox.INSERT_ONE
                        + ") select pg_notify(?, '')")) {
            insert.setObject(1, request.id);
            insert.setString(2, request.status);
            insert.setString(3, request.code);
            insert.setString(4, request.codeKind);
            insert.setString(5, request.gtin);
            insert.setString(6, request.serial);
            insert.setObject(7, request.productId, Types.OTHER);
            insert.setString(8, request.authority);
            insert.setString(9, request.country);
            insert.setString(10, request.placeCountry);
            insert.setString(11, request.placeOffice);
            insert.setObject(12, request.latitude, Types.DOUBLE);
            insert.setObject(13, request.longitude, Types.DOUBLE);
            insert.setString(14, request.requestedBy);
            insert.setObject(15, request.requestedAt.atOffset(ZoneOffset.UTC));
            int next = requested.bind(insert, 16);
            insert.setString(next, relayChannel);
            insert.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store authentication request " + request.id, e);
        }
    }

    /** The request as stored, read in one statement without a lock; empty when this service never accepted it. */
    public Optional<AuthenticationRequest> stored(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                        + " from authentication_request where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(requestOf(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading authentication request " + id + " failed", e);
        }
    }

    /**
     * Completes the request with its verdict unless it is already completed, in one statement: the update, the
     * {@code authentication-completed} event, the completion notice and the relay's wake-up, all only when the update
     * found the request still open (a data-modifying {@code WITH} runs exactly once, and the row lock the update takes
     * makes a second recorder of the same request find it completed). No transaction, no locked read before it: one
     * round trip where there were five.
     *
     * @return false when the request was completed already (by an earlier delivery or another worker)
     */
    public boolean complete(AuthenticationRequest request, CompletionNotices.Announcement completion,
            Outbox.Staged completed, String relayChannel) {
        String evidence = evidenceJson(request.evidence);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("with completed as (update "
                        + "authentication_request set status = ?, verdict = ?, provider_verdict = ?, confidence = ?, "
                        + "probable_clone = ?, reason = ?, evidence = cast(? as jsonb), product_id = ?, brand_id = ?, "
                        + "provider_id = ?, provider_reference = ?, provider_latency_ms = ?, completed_at = ? "
                        + "where id = ? and status <> 'COMPLETED' returning id), recorded as (" + Outbox.INSERT_ONE
                        + " from completed) select pg_notify(?, ?), pg_notify(?, '') from completed")) {
            update.setString(1, request.status);
            update.setString(2, request.verdict == null ? null : request.verdict.name());
            update.setString(3, request.providerVerdict == null ? null : request.providerVerdict.name());
            update.setObject(4, request.confidence, Types.DOUBLE);
            update.setBoolean(5, request.probableClone);
            update.setString(6, request.reason);
            update.setString(7, evidence);
            update.setObject(8, request.productId, Types.OTHER);
            update.setString(9, request.brandId);
            update.setString(10, request.providerId);
            update.setString(11, request.providerReference);
            update.setObject(12, request.providerLatencyMs, Types.BIGINT);
            update.setObject(13, utc(request.completedAt));
            update.setObject(14, request.id);
            int next = completed.bind(update, 15);
            update.setString(next, completion.channel());
            update.setString(next + 1, completion.payload());
            update.setString(next + 2, relayChannel);
            try (ResultSet row = update.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the verdict of request " + request.id, e);
        }
    }

    /**
     * A query is on a Kafka provider's topic: records who was asked and by when the answer is due, unless the request
     * was completed meanwhile. The update takes the row lock a verdict's recording takes.
     */
    public void awaitAnswer(UUID id, String providerId, UUID productId, String brandId, Instant askedAt,
            Instant dueAt) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update authentication_request set "
                    + "provider_id = ?, product_id = coalesce(?, product_id), brand_id = ?, asked_at = ?, "
                    + "answer_due_at = ? where id = ? and status <> 'COMPLETED'")) {
                update.setString(1, providerId);
                update.setObject(2, productId, Types.OTHER);
                update.setString(3, brandId);
                update.setObject(4, utc(askedAt));
                update.setObject(5, utc(dueAt));
                update.setObject(6, id);
                update.executeUpdate();
            }
        });
    }

    /**
     * The request as its officer sees it, if this authority made it (another authority's is as absent as a missing
     * one). Plain JDBC on a connection of its own, inside or outside a transaction: every completion stream reads its
     * request once when it opens, and a Hibernate load cost more than the query.
     */
    public Optional<AuthenticationView> view(UUID id, String authority) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                        + " from authentication_request where id = ? and authority = ?")) {
            select.setObject(1, id);
            select.setString(2, authority);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(AuthenticationView.of(requestOf(row))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading authentication request " + id + " failed", e);
        }
    }

    /**
     * Earlier verifications of the same GTIN + serial that their provider judged GENUINE, oldest first: the query's
     * text, with its parameters gtin, serial and the request to leave out, and {@link #sightingOf} reads its rows.
     */
    public static final String EARLIER_SIGHTINGS = "select id, place_country, place_office, latitude, longitude, "
            + "requested_at from authentication_request where gtin = ? and serial = ? and provider_verdict = 'GENUINE' "
            + "and id <> ? order by requested_at";

    /** A row of {@link #EARLIER_SIGHTINGS}, its columns from {@code first}. */
    public static Sighting sightingOf(ResultSet row, int first) throws SQLException {
        return new Sighting(row.getObject(first, UUID.class), row.getString(first + 1), row.getString(first + 2),
                row.getObject(first + 3, Double.class), row.getObject(first + 4, Double.class),
                instant(row, first + 5));
    }

    /** {@link #EARLIER_SIGHTINGS} in one statement on a connection of its own. */
    public List<Sighting> sightings(String gtin, String serial, UUID except) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(EARLIER_SIGHTINGS)) {
            select.setString(1, gtin);
            select.setString(2, serial);
            select.setObject(3, except);
            List<Sighting> sightings = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sightings.add(sightingOf(row, 1));
                }
            }
            return sightings;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sightings of " + gtin + " " + serial + " failed", e);
        }
    }

    private AuthenticationRequest requestOf(ResultSet row) throws SQLException {
        AuthenticationRequest request = new AuthenticationRequest();
        request.id = row.getObject(1, UUID.class);
        request.status = row.getString(2);
        request.code = row.getString(3);
        request.codeKind = row.getString(4);
        request.gtin = row.getString(5);
        request.serial = row.getString(6);
        request.productId = row.getObject(7, UUID.class);
        request.brandId = row.getString(8);
        request.authority = row.getString(9);
        request.country = row.getString(10);
        request.placeCountry = row.getString(11);
        request.placeOffice = row.getString(12);
        request.latitude = row.getObject(13, Double.class);
        request.longitude = row.getObject(14, Double.class);
        request.requestedBy = row.getString(15);
        request.requestedAt = instant(row, 16);
        request.verdict = verdict(row.getString(17));
        request.providerVerdict = verdict(row.getString(18));
        request.confidence = row.getObject(19, Double.class);
        request.probableClone = row.getBoolean(20);
        request.reason = row.getString(21);
        request.evidence = evidenceOf(row.getString(22), request.id);
        request.providerId = row.getString(23);
        request.providerReference = row.getString(24);
        request.providerLatencyMs = row.getObject(25, Long.class);
        request.askedAt = instant(row, 26);
        request.answerDueAt = instant(row, 27);
        request.completedAt = instant(row, 28);
        return request;
    }

    private static AuthenticationVerdict verdict(String name) {
        return name == null ? null : AuthenticationVerdict.valueOf(name);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /** The same JSON Hibernate's mapping writes (Quarkus hands it this ObjectMapper), so either can read it back. */
    private String evidenceJson(Evidence evidence) {
        if (evidence == null) {
            return null;
        }
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Evidence cannot be written as JSON", e);
        }
    }

    private Evidence evidenceOf(String text, UUID id) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("The evidence of authentication request " + id + " cannot be read", e);
        }
    }
}
