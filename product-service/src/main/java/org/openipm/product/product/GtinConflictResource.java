package org.openipm.product.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.openipm.platform.security.Roles;

/** GTINs claimed by more than one brand: an administrator decides who the rightful owner is. */
@Path("/api/v1/admin/gtin-conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class GtinConflictResource {

    private final ProductGtinRepository gtins;

    public GtinConflictResource(ProductGtinRepository gtins) {
        this.gtins = gtins;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<GtinConflict> conflicts() {
        return gtins.conflicts().stream()
                .map(row -> new GtinConflict((String) row[0], Arrays.asList(((String) row[1]).split(","))))
                .toList();
    }

    public record GtinConflict(String gtin, List<String> brandIds) {
    }
}
