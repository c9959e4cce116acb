package org.openipm.product.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openipm.platform.security.Roles;

/** GTINs claimed by more than one brand: an administrator decides who the rightful owner is. */
@Path("/api/v1/admin/gtin-conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class GtinConflictResource {

    private final GtinReports reports;

    public GtinConflictResource(GtinReports reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<GtinReports.GtinConflict> conflicts() {
        return reports.conflicts();
    }
}
