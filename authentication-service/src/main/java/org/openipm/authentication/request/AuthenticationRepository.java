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
     * Inserts a new request, still PENDING, in the caller's transaction. Plain JDBC on the session's connection, as
     * the outbox does: the row is written once here and read back only by other transactions, so Hibernate's
     * persist (entity bookkeeping, flush at commit) cost more than the insert itself. The entity is not managed.
     */
    public void insertPending(AuthenticationRequest request) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into authentication_request (id, "
                    + "status, code, code_kind, gtin, serial, product_id, authority, country, place_country, "
                    + "place_office, latitude, longitude, requested_by, requested_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, request.id);
                insert.setString(2, request.status);
                insert.setString(3, request.code);
                insert.setString(4, request.codeKind);
                insert.setString(5, request.gtin);
                insert.setString(6, request.serial);
                if (request.productId == null) {
                    insert.setNull(7, Types.OTHER);
                } else {
                    insert.setObject(7, request.productId);
                }
                insert.setString(8, request.authority);
                insert.setString(9, request.country);
                insert.setString(10, request.placeCountry);
                insert.setString(11, request.placeOffice);
                insert.setObject(12, request.latitude, Types.DOUBLE);
                insert.setObject(13, request.longitude, Types.DOUBLE);
                insert.setString(14, request.requestedBy);
                insert.setObject(15, request.requestedAt.atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }

    /**
     * The request locked for the recording of its verdict (two workers cannot both record one), read with plain JDBC
     * in the caller's transaction: a copy Hibernate does not manage, written back by {@link #saveVerdict}. Loading
     * the entity, checking it for changes and writing all of its columns back was a tenth of the service's CPU per
     * verdict.
     */
    public Optional<AuthenticationRequest> lockedForVerdict(UUID id) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                    + " from authentication_request where id = ? for update")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(requestOf(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Writes what recording a verdict changes, in the caller's transaction (after {@link #lockedForVerdict}), and in
     * the same statement announces the completion (a data-modifying {@code WITH} runs exactly once): one round trip
     * for both.
     */
    public void saveVerdict(AuthenticationRequest request, CompletionNotices.Announcement completion) {
        String evidence = evidenceJson(request.evidence);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("with completed as (update "
                    + "authentication_request set status = ?, verdict = ?, provider_verdict = ?, confidence = ?, "
                    + "probable_clone = ?, reason = ?, evidence = cast(? as jsonb), product_id = ?, brand_id = ?, "
                    + "provider_id = ?, provider_reference = ?, provider_latency_ms = ?, completed_at = ? "
                    + "where id = ?) select pg_notify(?, ?)")) {
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
                update.setString(15, completion.channel());
                update.setString(16, completion.payload());
                update.execute();
            }
        });
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

    /** Earlier verifications of the same GTIN + serial that their provider judged GENUINE, oldest first. */
    public List<Sighting> sightings(String gtin, String serial, UUID except) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, place_country, place_office, "
                    + "latitude, longitude, requested_at from authentication_request where gtin = ? and serial = ? "
                    + "and provider_verdict = 'GENUINE' and id <> ? order by requested_at")) {
                select.setString(1, gtin);
                select.setString(2, serial);
                select.setObject(3, except);
                List<Sighting> sightings = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sightings.add(new Sighting(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                                row.getObject(4, Double.class), row.getObject(5, Double.class), instant(row, 6)));
                    }
                }
                return sightings;
            }
        });
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
