package org.openipm.product.accesslog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.security.Roles;
import org.openipm.product.brand.BrandAccess;

/** A brand's inspector access log (ISO 22378): who looked at its products, from which authority, when. */
@Path("/api/v1/brands/{brandId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    private final AccessLogRepository log;
    private final BrandAccess access;
    private final PageBounds pages;

    public AccessLogResource(AccessLogRepository log, BrandAccess access, PageBounds pages) {
        this.log = log;
        this.access = access;
        this.pages = pages;
    }

    @GET
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public AccessLogPage read(@PathParam("brandId") String brandId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        access.requireManaged(brandId);
        pages.check(page, size);
        List<View> items = log.ofBrand(brandId, page, size).stream()
                .map(e -> new View(e.viewId, e.productId, e.officer, e.authority, e.country, e.code, e.viewedAt))
                .toList();
        return new AccessLogPage(items, page, size, log.countOfBrand(brandId));
    }

    public record View(UUID viewId, UUID productId, String officer, String authority, String country, String code,
            Instant viewedAt) {
    }

    public record AccessLogPage(List<View> items, int page, int size, long total) {
    }
}
