package org.openipm.product.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * Product photos. The declared type must match the file's own signature, so a script or an archive cannot be
 * stored as an "image" and served back to officers.
 */
@Path("/api/v1/products/{productId}/images")
public class ProductImageResource {

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/webp", new byte[] {'R', 'I', 'F', 'F'});

    private final ProductRepository products;
    private final ProductImageRepository images;
    private final ProductService service;
    private final Caller caller;
    private final int maxBytes;

    public ProductImageResource(ProductRepository products, ProductImageRepository images, ProductService service,
            Caller caller, @ConfigProperty(name = "openipm.images.max-size-bytes") int maxBytes) {
        this.products = products;
        this.images = images;
        this.service = service;
        this.caller = caller;
        this.maxBytes = maxBytes;
    }

    @POST
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    @Transactional
    public Response upload(@PathParam("productId") UUID productId, @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] data) {
        Product product = products.findByIdOptional(productId)
                .filter(p -> caller.isAdmin() || caller.actsFor(p.brandId))
                .orElseThrow(() -> ProblemException.notFound("Product " + productId));
        String contentType = MediaType.valueOf(type).getType() + "/" + MediaType.valueOf(type).getSubtype();
        if (data == null || data.length == 0) {
            throw ProblemException.badRequest("empty-image", "The image is empty");
        }
        if (data.length > maxBytes) {
            throw new ProblemException(Problem.of("image-too-large", "Content Too Large", 413,
                    "An image may hold at most " + maxBytes + " bytes; this one has " + data.length));
        }
        if (!startsWith(data, SIGNATURES.get(contentType))) {
            throw new ProblemException(Problem.of("image-type-mismatch", "Unsupported Media Type", 415,
                    "The file is not a " + contentType + " image"));
        }
        ProductImage image = new ProductImage();
        image.id = UUID.randomUUID();
        image.productId = productId;
        image.contentType = contentType;
        image.sizeBytes = data.length;
        image.data = data;
        image.createdAt = Instant.now();
        images.persist(image);
        images.flush();
        // A new photo is a change of the product: it gets a version, a history entry and an event.
        service.imagesChanged(product, caller.subject());
        return Response.created(URI.create("/api/v1/products/" + productId + "/images/" + image.id))
                .entity(Map.of("id", image.id, "contentType", contentType, "size", data.length)).build();
    }

    @GET
    @Path("{imageId}")
    @RolesAllowed({Roles.BRAND, Roles.OFFICER, Roles.ADMIN})
    public Response download(@PathParam("productId") UUID productId, @PathParam("imageId") UUID imageId) {
        products.findByIdOptional(productId)
                .filter(p -> caller.isAdmin() || caller.actsFor(p.brandId)
                        || (caller.is(Roles.OFFICER) && p.status == ProductStatus.PUBLISHED))
                .orElseThrow(() -> ProblemException.notFound("Product " + productId));
        ProductImage image = images.findByIdOptional(imageId).filter(i -> i.productId.equals(productId))
                .orElseThrow(() -> ProblemException.notFound("Image " + imageId));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(3600);
        return Response.ok(image.data, image.contentType).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static boolean startsWith(byte[] data, byte[] signature) {
        if (signature == null || data.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (data[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
