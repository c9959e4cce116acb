package org.openipm.messaging.authority;

/** Every kind of agency that fights counterfeits at the border may flag shipments and hold cases, not customs alone. */
public enum AuthorityType {
    CUSTOMS, POLICE, HEALTH_REGULATOR, TAX, MARKET_SURVEILLANCE, OTHER
}
