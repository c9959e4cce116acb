package org.openipm.product.importing;

import org.openipm.product.product.ProductRequest;

/** One row of an upload: the product it describes, or why it could not even be read. */
record ImportRow(int line, String sku, ProductRequest request, String unreadable) {

    static ImportRow of(int line, ProductRequest request) {
        return new ImportRow(line, request.sku(), request, null);
    }

    static ImportRow unreadable(int line, String sku, String reason) {
        return new ImportRow(line, sku, null, reason);
    }
}
