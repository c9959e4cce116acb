package org.openipm.authentication.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.openipm.authentication.clone.Sighting;

@ApplicationScoped
public class AuthenticationRepository implements PanacheRepositoryBase<AuthenticationRequest, UUID> {

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

    /** The request locked for the recording of its verdict: two workers cannot both record one. */
    public Optional<AuthenticationRequest> lockedForVerdict(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Earlier verifications of the same GTIN + serial that their provider judged GENUINE, oldest first. */
    public List<Sighting> sightings(String gtin, String serial, UUID except) {
        return find("gtin = ?1 and serial = ?2 and providerVerdict = ?3 and id <> ?4 order by requestedAt", gtin,
                serial, AuthenticationVerdict.GENUINE, except).list().stream()
                .map(r -> new Sighting(r.id, r.placeCountry, r.placeOffice, r.latitude, r.longitude, r.requestedAt))
                .toList();
    }
}
