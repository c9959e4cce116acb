package org.openipm.provider.protocol;

/**
 * The Kafka connector's topics, one pair per provider, so each provider's credentials can be limited to its own
 * pair with literal ACLs. Records carry the same JSON as the HTTP connector, key = request id, and the signature
 * headers ({@link MessageSignatures}) as Kafka headers.
 */
public final class ProviderTopics {

    private ProviderTopics() {
    }

    /** OpenIPM writes queries here; the provider reads. */
    public static String requests(String providerId) {
        return "ssp." + providerId + ".requests";
    }

    /** The provider writes answers here; OpenIPM reads. */
    public static String replies(String providerId) {
        return "ssp." + providerId + ".replies";
    }
}
