package org.openipm.authentication.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.authentication.clone.Sighting;

@ApplicationScoped
public class AuthenticationRepository implements PanacheRepositoryBase<AuthenticationRequest, UUID> {

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
