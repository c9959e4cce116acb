package org.openipm.reference.codes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * The brand's side of the provider: issue codes to print, and see what became of one. A brand user acts for the
 * brand of its token ({@code org}); an administrator (the provider's operator) names the brand.
 */
@Path("/api/v1/codes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.BRAND, Roles.ADMIN })
public class CodeResource {

    private final CodeIssuingService issuing;
    private final Caller caller;

    public CodeResource(CodeIssuingService issuing, Caller caller) {
        this.issuing = issuing;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(IssueRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("invalid-request", "A JSON body with gtin and count is required");
        }
        if (request.count() == null) {
            throw ProblemException.badRequest("invalid-count", "count is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(issuing.issue(brandOf(request), request.gtin(), request.count())).build();
    }

    /** Another brand's code is answered like a code that does not exist. */
    @GET
    @Path("/{gtin}/{serial}")
    public CodeView code(@PathParam("gtin") String gtin, @PathParam("serial") String serial) {
        Optional<String> ownBrand = caller.isAdmin() ? Optional.empty() : caller.org();
        if (!caller.isAdmin() && ownBrand.isEmpty()) {
            throw ProblemException.forbidden("A brand token must name its brand (org)");
        }
        return issuing.code(gtin, serial, ownBrand).orElseThrow(() -> ProblemException.notFound("Code " + gtin + "/" + serial));
    }

    private String brandOf(IssueRequest request) {
        if (caller.isAdmin()) {
            if (request.brandId() == null || request.brandId().isBlank()) {
                throw ProblemException.badRequest("brand-required", "An administrator must name the brand (brandId)");
            }
            return request.brandId().trim();
        }
        String own = caller.org().orElseThrow(() -> ProblemException.forbidden("A brand token must name its brand (org)"));
        if (request.brandId() != null && !request.brandId().equals(own)) {
            throw ProblemException.forbidden("A brand user issues codes for its own brand only");
        }
        return own;
    }
}
