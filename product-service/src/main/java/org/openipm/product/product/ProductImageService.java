package org.openipm.product.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.ProductDetails;

/** Product photos: checked, stored, and recorded as a change of their product. */
@ApplicationScoped
public class ProductImageService {

    private final ProductRepository products;
    private final ProductImageRepository images;
    private final ProductDetailsLoader loader;
    private final ProductEvents events;
    private final int maxBytes;

    public ProductImageService(ProductRepository products, ProductImageRepository images, ProductDetailsLoader loader,
            ProductEvents events, ImageLimits limits) {
        this.products = products;
        this.images = images;
        this.loader = loader;
        this.events = events;
        this.maxBytes = limits.maxSizeBytes();
    }

    public record StoredImage(UUID id, String contentType, int size) {
    }

    public record ImageFile(String contentType, byte[] data) {
    }

    /**
     * Stores the image; {@code contentType} is the declared type without parameters. A new photo is a change of the
     * product: it gets a version, a history entry and an event.
     */
    @Transactional
    public StoredImage add(UUID productId, String contentType, byte[] data, String changedBy) {
        if (data == null || data.length == 0) {
            throw ProblemException.badRequest("empty-image", "The image is empty");
        }
        if (data.length > maxBytes) {
            throw new ProblemException(Problem.of("image-too-large", "Content Too Large", 413,
                    "An image may hold at most " + maxBytes + " bytes; this one has " + data.length));
        }
        if (!ImageSignatures.matches(contentType, data)) {
            throw new ProblemException(Problem.of("image-type-mismatch", "Unsupported Media Type", 415,
                    "The file is not a " + contentType + " image"));
        }
        Product product = products.findByIdOptional(productId)
                .orElseThrow(() -> ProblemException.notFound("Product " + productId));
        ProductDetails before = loader.detailsOf(product);
        ProductImage image = new ProductImage();
        image.id = UUID.randomUUID();
        image.productId = productId;
        image.contentType = contentType;
        image.sizeBytes = data.length;
        image.data = data;
        image.createdAt = Instant.now();
        images.persist(image);
        product.updatedAt = Instant.now();
        products.flush(); // moves the version
        List<String> imageIds = new ArrayList<>(before.imageIds());
        imageIds.add(image.id.toString());
        events.changed(before, product.toDetails(before.brand(), before.gtins(), before.verifiedGtins(), imageIds),
                "IMAGE_ADDED", changedBy);
        return new StoredImage(image.id, contentType, data.length);
    }

    public Optional<ImageFile> find(UUID productId, UUID imageId) {
        return images.findByIdOptional(imageId).filter(i -> i.productId.equals(productId))
                .map(i -> new ImageFile(i.contentType, i.data));
    }
}
