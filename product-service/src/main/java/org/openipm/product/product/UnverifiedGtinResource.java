package org.openipm.product.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openipm.platform.security.Roles;

/**
 * GTINs brands list without being known to own them, for an administrator to settle: approve the brand's prefix
 * request, verify the GTIN as licensed one by one, or ask the brand to remove it.
 */
@Path("/api/v1/admin/unverified-gtins")
@Produces(MediaType.APPLICATION_JSON)
public class UnverifiedGtinResource {

    private final GtinReports reports;

    public UnverifiedGtinResource(GtinReports reports) {
        this.reports = reports;
    }

    public record UnverifiedGtinPage(List<GtinReports.UnverifiedGtin> items, int page, int size,
            long total) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public UnverifiedGtinPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return new UnverifiedGtinPage(reports.unverified(page, size), page, size, reports.unverifiedCount());
    }
}
