package org.openipm.launcher;

/** A port the launcher needs is taken; the message names the component, the port and the variable to change. */
public final class PortInUseException extends UsageException {

    private final String component;
    private final int port;
    private final String envVariable;

    public PortInUseException(String component, int port, String envVariable) {
        super(message(component, port, envVariable));
        this.component = component;
        this.port = port;
        this.envVariable = envVariable;
    }

    static String message(String component, int port, String envVariable) {
        return "Port " + port + " (" + component + ") is already in use: stop what uses it, or set "
                + envVariable + " to a free port.";
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }

    public String envVariable() {
        return envVariable;
    }
}
