package org.openipm.product.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/** Product photos: the brand and admins upload them, officers read those of published products. */
@Path("/api/v1/products/{productId}/images")
public class ProductImageResource {

    private final ProductImageService images;
    private final ProductAccess access;
    private final Caller caller;

    public ProductImageResource(ProductImageService images, ProductAccess access, Caller caller) {
        this.images = images;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public Response upload(@PathParam("productId") UUID productId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] data) {
        access.requireManaged(productId);
        MediaType declared = MediaType.valueOf(type);
        var stored = images.add(productId, declared.getType() + "/" + declared.getSubtype(), data, caller.subject());
        return Response.created(URI.create("/api/v1/products/" + productId + "/images/" + stored.id()))
                .entity(Map.of("id", stored.id(), "contentType", stored.contentType(), "size", stored.size())).build();
    }

    @GET
    @Path("{imageId}")
    @RolesAllowed({Roles.BRAND, Roles.OFFICER, Roles.ADMIN})
    public Response download(@PathParam("productId") UUID productId, @PathParam("imageId") UUID imageId) {
        access.requireReadable(productId);
        var image = images.find(productId, imageId).orElseThrow(() -> ProblemException.notFound("Image " + imageId));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(3600);
        return Response.ok(image.data(), image.contentType()).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
