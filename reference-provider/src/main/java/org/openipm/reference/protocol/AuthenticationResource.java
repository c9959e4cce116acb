package org.openipm.reference.protocol;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.reference.admin.ModeSetting;
import org.openipm.reference.admin.ProviderMode;

/**
 * The HTTP connector's endpoint, as OpenIPM calls it (docs/provider-protocol.md). Callers authenticate by the
 * Standard Webhooks signature, not by a token. A slow answer waits on a timer, never on a worker thread.
 */
@Path("/protocol/v1/authentications")
@PermitAll
public class AuthenticationResource {

    private static final List<String> SIGNATURE_HEADERS = List.of(MessageSignatures.ID, MessageSignatures.TIMESTAMP,
            MessageSignatures.SIGNATURE);

    private final ProtocolMessages messages;
    private final AuthenticationService service;
    private final ProviderMode mode;

    public AuthenticationResource(ProtocolMessages messages, AuthenticationService service, ProviderMode mode) {
        this.messages = messages;
        this.service = service;
        this.mode = mode;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> authenticate(String body, @Context HttpHeaders headers) {
        ModeSetting current = mode.current();
        if (current.failing()) {
            throw new ProblemException(Problem.of("provider-failing", "Service Unavailable", 503,
                    "The provider is switched to its failing mode"));
        }
        AuthenticationQuery query = messages.readVerified(signatureHeaders(headers), body);
        Duration delay = current.delay();
        Uni<Void> wait = delay.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
        return wait.emitOn(Infrastructure.getDefaultWorkerPool()).map(ignored -> signed(service.answer(query)));
    }

    private Response signed(String answer) {
        Response.ResponseBuilder response = Response.ok(answer, MediaType.APPLICATION_JSON_TYPE);
        messages.sign(answer).forEach(response::header);
        return response.build();
    }

    private static Map<String, String> signatureHeaders(HttpHeaders headers) {
        Map<String, String> signature = new HashMap<>();
        for (String name : SIGNATURE_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                signature.put(name, value);
            }
        }
        return signature;
    }
}
