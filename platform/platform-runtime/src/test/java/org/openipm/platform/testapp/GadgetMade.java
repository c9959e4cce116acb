package org.openipm.platform.testapp;

/** The test application's event: the {@code sequence}-th change of the gadget {@code name}. */
public record GadgetMade(String name, int sequence) {

    public static final String TOPIC = "platform-test-gadgets";
    public static final String TYPE = "org.openipm.test.GadgetMade.v1";
}
