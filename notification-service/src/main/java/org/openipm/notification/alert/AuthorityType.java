package org.openipm.notification.alert;

/** The kinds of enforcement authority, as messaging-service's directory and officers' tokens name them. */
public enum AuthorityType {
    CUSTOMS, POLICE, HEALTH_REGULATOR, TAX, MARKET_SURVEILLANCE, OTHER
}
