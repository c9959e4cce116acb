package org.openipm.authentication.provider;

import java.util.List;

/**
 * A provider covering a brand's products, as that brand sees it: nothing about the other brands it serves.
 *
 * @param allProducts true when the provider covers every product of the brand, false when only {@code gtins}
 * @param gtins the brand's own GTINs the provider is limited to (those the catalogue attributes to the brand)
 */
public record BrandProviderView(String id, String name, ProviderStatus status, ConnectorType connector,
        boolean allProducts, List<String> gtins, List<String> codeKinds) {
}
