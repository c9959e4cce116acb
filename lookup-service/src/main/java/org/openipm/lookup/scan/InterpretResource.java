package org.openipm.lookup.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.openipm.codes.CodeInterpreter;
import org.openipm.platform.security.Roles;

/**
 * What a code says by the GS1 rules, without looking anything up. A malformed code is a finding (200 with
 * {@code valid: false} and the precise problems); only a missing or over-long parameter is a client error.
 */
@Path("/api/v1/codes/interpret")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM })
public class InterpretResource {

    private final CodeInterpretation interpretation;

    public InterpretResource(CodeInterpretation interpretation) {
        this.interpretation = interpretation;
    }

    @GET
    public InterpretationView interpret(
            @QueryParam("code") @NotEmpty(message = "a code is required")
            @Size(max = CodeInterpreter.MAX_INPUT_LENGTH) String code) {
        return InterpretationView.of(interpretation.interpret(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public InterpretationView interpret(@NotNull(message = "a body with a code is required") @Valid InterpretRequest request) {
        return InterpretationView.of(interpretation.interpret(request.code()));
    }
}
