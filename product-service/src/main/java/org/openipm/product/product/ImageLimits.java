package org.openipm.product.product;

import io.smallrye.config.ConfigMapping;

/**
 * How large a product image may be. The HTTP edge refuses a larger upload while it is still arriving
 * ({@code openipm.http.routes.images.max-body-size}, which this defaults to); this check answers the same for an
 * upload that got past the edge some other way.
 */
@ConfigMapping(prefix = "openipm.images")
public interface ImageLimits {

    int maxSizeBytes();
}
