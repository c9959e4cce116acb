package org.openipm.authentication.request;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.codes.CodeInterpreter;
import org.openipm.codes.Element;
import org.openipm.codes.Interpretation;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationRequested;
import org.openipm.platform.outbox.Outbox;
import org.openipm.platform.problem.ProblemException;

/**
 * Accepts an officer's request: reads the code by the GS1 rules, stores the request and queues
 * {@code authentication-requested} through the outbox in the same statement. Never waits on a provider.
 */
@ApplicationScoped
public class AuthenticationService {

    static final String SERIAL_AI = "21";

    private final AuthenticationRepository requests;
    private final Outbox outbox;
    private final CodeInterpreter interpreter = new CodeInterpreter();

    public AuthenticationService(AuthenticationRepository requests, Outbox outbox) {
        this.requests = requests;
        this.outbox = outbox;
    }

    /** The requester: whom the officer works for, the authority's country (if the token says), and who asks. */
    public record Requester(String authority, Optional<String> country, String subject) {
    }

    /** Stores the request and its event in one statement (no transaction needed: see the repository). */
    public AuthenticationRequest request(AuthenticationBody body, Requester requester) {
        AuthenticationBody.Place place = body.place();
        if ((place.latitude() == null) != (place.longitude() == null)) {
            throw ProblemException.badRequest("invalid-place", "latitude and longitude come together or not at all");
        }
        String code = body.code();
        Interpretation reading = interpreter.interpret(code);
        List<Element> elements = reading.elements();
        String serial = elements.stream().filter(e -> SERIAL_AI.equals(e.ai())).map(Element::value).findFirst()
                .orElse(null);
        AuthenticationRequest request = new AuthenticationRequest();
        request.id = UUID.randomUUID();
        request.status = AuthenticationRequest.PENDING;
        request.code = code;
        request.codeKind = reading.kind().name();
        request.gtin = reading.gtin();
        request.serial = serial;
        request.productId = body.productId();
        request.authority = requester.authority();
        request.country = requester.country().filter(c -> c.matches("^[A-Z]{2}$")).orElse(place.country());
        request.placeCountry = place.country();
        request.placeOffice = place.office();
        request.latitude = place.latitude();
        request.longitude = place.longitude();
        request.requestedBy = requester.subject();
        // Microseconds: what PostgreSQL keeps, so the event and the stored request say the same time.
        request.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        requests.insertPending(request, outbox.stage(Topics.AUTHENTICATION_REQUESTED, request.id.toString(),
                EventTypes.AUTHENTICATION_REQUESTED, request.requestedAt, new AuthenticationRequested(request.id, code,
                        request.codeKind, request.gtin, serial, elements.stream()
                                .map(e -> new AuthenticationRequested.Element(e.ai(), e.value())).toList(),
                        request.productId, request.authority, request.country,
                        new AuthenticationRequested.Place(place.country(), place.office(), place.latitude(),
                                place.longitude()),
                        request.requestedAt)),
                outbox.wakeChannel());
        return request;
    }

    /** The request if this authority made it; another authority's request is as absent as a missing one. */
    public Optional<AuthenticationView> find(UUID id, String authority) {
        return requests.view(id, authority);
    }
}
