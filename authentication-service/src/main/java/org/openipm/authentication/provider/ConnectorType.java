package org.openipm.authentication.provider;

/** How OpenIPM reaches a provider: HTTP POST to its endpoint, or its own pair of Kafka topics. */
public enum ConnectorType {
    HTTP,
    KAFKA
}
