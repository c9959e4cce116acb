package org.openipm.reference.admin;

/** How the provider answers: normally, after a delay (to see OpenIPM's timeouts), or not at all (503). */
public enum Mode {
    NORMAL,
    SLOW,
    FAILING
}
