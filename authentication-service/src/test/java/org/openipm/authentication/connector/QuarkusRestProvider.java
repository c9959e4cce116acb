package org.openipm.authentication.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.Verdict;

/**
 * A provider served the way the reference provider is (Quarkus REST on Vert.x, plain HTTP), inside the test
 * application: it answers GENUINE, signed, to queries signed with the secret registered for its path.
 */
@Path("/test-providers/{name}")
@PermitAll // a provider authenticates queries by their signature, not by a token
public class QuarkusRestProvider {

    static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @POST
    public Response answer(@PathParam("name") String name, @HeaderParam(MessageSignatures.ID) String id,
            @HeaderParam(MessageSignatures.TIMESTAMP) String timestamp,
            @HeaderParam(MessageSignatures.SIGNATURE) String signature, String body) throws Exception {
        MessageSignatures signatures = new MessageSignatures(SECRETS.get(name));
        if (id == null || timestamp == null || signature == null || !signatures.verify(Map.of(MessageSignatures.ID,
                id, MessageSignatures.TIMESTAMP, timestamp, MessageSignatures.SIGNATURE, signature), body)) {
            return Response.status(401).build();
        }
        AuthenticationQuery query = JSON.readValue(body, AuthenticationQuery.class);
        String answer = JSON.writeValueAsString(new AuthenticationAnswer(query.requestId(), query.code(),
                Verdict.GENUINE, 0.9, new AuthenticationAnswer.Evidence("Issued by us", Map.of()), "ref-1"));
        Response.ResponseBuilder response = Response.ok(answer, "application/json");
        signatures.sign("msg-" + UUID.randomUUID(), Instant.now(), answer).forEach(response::header);
        return response.build();
    }
}
