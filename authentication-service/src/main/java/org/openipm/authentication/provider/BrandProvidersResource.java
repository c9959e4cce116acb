package org.openipm.authentication.provider;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openipm.platform.security.Roles;

/** Which providers answer for a brand's products: the brand itself and administrators; 404 for anybody else. */
@Path("/api/v1/brands/{brandId}/providers")
@Produces(MediaType.APPLICATION_JSON)
public class BrandProvidersResource {

    private final ProviderService service;
    private final ProviderAccess access;

    public BrandProvidersResource(ProviderService service, ProviderAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.BRAND, Roles.SSP, Roles.OFFICER, Roles.CUSTOMS_SYSTEM })
    public List<BrandProviderView> covering(@PathParam("brandId") String brandId) {
        access.requireBrandReader(brandId);
        return service.coveringBrand(brandId);
    }
}
