package org.openipm.product.product;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;
import org.openipm.product.Versions;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.ProductDetails;
import org.openipm.product.domain.ProductStatus;

/**
 * Products. A brand user works on its own brand's products only, and anything else answers 404 so that another
 * brand's drafts cannot even be discovered; officers read published products; admins everything.
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductService products;
    private final ProductChangeRepository history;
    private final ProductAccess access;
    private final Caller caller;
    private final PageBounds pages;

    public ProductResource(ProductService products, ProductChangeRepository history, ProductAccess access,
            Caller caller, PageBounds pages) {
        this.products = products;
        this.history = history;
        this.access = access;
        this.caller = caller;
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public Response create(@Valid @NotNull ProductRequest request) {
        String brandId = owningBrand(request.brandId());
        ProductDetails created = products.create(brandId, request, caller.subject()).product();
        return Response.created(URI.create("/api/v1/products/" + created.id())).tag(Versions.tag(created.version()))
                .entity(view(created)).build();
    }

    @GET
    @RolesAllowed({Roles.BRAND, Roles.OFFICER, Roles.ADMIN})
    public ProductPage list(@QueryParam("brandId") String brandId, @QueryParam("status") ProductStatus status,
            @QueryParam("category") Category category, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size,
            @QueryParam("sort") @DefaultValue("name")
            @Pattern(regexp = "-?(name|sku|updatedAt|category)", message = "must be name, sku, updatedAt or category, optionally prefixed by -") String sort) {
        pages.check(page, size);
        ProductService.Filter filter = new ProductService.Filter(brandId, status, category, text);
        if (caller.is(Roles.BRAND) && !caller.isAdmin()) {
            filter = new ProductService.Filter(caller.org().orElse("-"), status, category, text);
        } else if (!caller.isAdmin()) {
            filter = new ProductService.Filter(brandId, ProductStatus.PUBLISHED, category, text);
        }
        Sort order = sort.startsWith("-") ? Sort.descending(sort.substring(1)) : Sort.ascending(sort);
        ProductService.Found found = products.list(filter, page, size, order.and("id"));
        return new ProductPage(found.items().stream().map(p -> ProductView.of(p, List.of())).toList(), page, size,
                found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BRAND, Roles.OFFICER, Roles.ADMIN})
    public Response get(@PathParam("id") UUID id) {
        access.requireReadable(id);
        ProductDetails product = products.details(id).orElseThrow(() -> ProblemException.notFound("Product " + id));
        return Response.ok(view(product)).tag(Versions.tag(product.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProductRequest request) {
        String brandId = access.requireManaged(id);
        if (request.brandId() != null && !request.brandId().equals(brandId)) {
            throw ProblemException.badRequest("brand-mismatch", "A product cannot move to another brand");
        }
        ProductDetails updated = products.update(id, Versions.required(ifMatch), request, caller.subject());
        return Response.ok(view(updated)).tag(Versions.tag(updated.version())).build();
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return changeStatus(id, ifMatch, ProductStatus.PUBLISHED);
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public Response retire(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return changeStatus(id, ifMatch, ProductStatus.RETIRED);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        access.requireManaged(id);
        return history.historyOf(id).stream()
                .map(c -> new HistoryEntry(c.version, c.kind, c.changedBy, c.changedAt, c.changes)).toList();
    }

    public record HistoryEntry(long version, String kind, String changedBy, java.time.Instant changedAt,
            java.util.Map<String, ProductChange.FieldChange> changes) {
    }

    private Response changeStatus(UUID id, String ifMatch, ProductStatus status) {
        access.requireManaged(id);
        Long expected = ifMatch == null ? null : Versions.required(ifMatch);
        ProductDetails changed = products.changeStatus(id, expected, status, caller.subject());
        return Response.ok(view(changed)).tag(Versions.tag(changed.version())).build();
    }

    private ProductView view(ProductDetails product) {
        return ProductView.of(product, products.warningsFor(product));
    }

    private String owningBrand(String requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.badRequest("validation", "brandId: an administrator must name the brand");
            }
            return requested;
        }
        String own = caller.org().orElseThrow(() -> ProblemException.forbidden("The token names no brand (org claim)"));
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("brandId " + requested + " is not the caller's brand");
        }
        return own;
    }
}
