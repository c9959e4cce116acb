package org.openipm.product.domain;

/**
 * A genuine or security feature. {@code kind}: GENUINE or SECURITY; {@code visibility}: OVERT or COVERT. Kept as
 * text because the stored JSON, the API answer and the event all carry these words as they are.
 */
public record Feature(String kind, String title, String description, String location, String howFakesDiffer,
        String visibility) {
}
