package org.openipm.authentication.request;

/** The normalised verdict an officer sees: a provider's four, plus ERROR when no valid answer came. */
public enum AuthenticationVerdict {
    GENUINE,
    SUSPECT,
    COUNTERFEIT,
    UNKNOWN,
    ERROR
}
