package org.openipm.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Checks, before anything is started, that every port the run needs is free, so that a busy port gives one clear
 * line instead of a half-started platform and a bind exception deep in some log.
 */
public final class PortCheck {

    /** A port one component will listen on, and the environment variable that moves it. */
    public record NeededPort(String component, int port, String envVariable) {
    }

    private PortCheck() {
    }

    /** @throws PortInUseException for the first busy port, in the order given */
    public static void requireFree(List<NeededPort> ports) {
        for (NeededPort needed : ports) {
            if (!isFree(needed.port())) {
                throw new PortInUseException(needed.component(), needed.port(), needed.envVariable());
            }
        }
    }

    /**
     * Free means both: nothing accepts a connection on the loopback address (a server bound to 127.0.0.1 only
     * would not stop a bind on another address), and the port can be bound on all addresses.
     */
    public static boolean isFree(int port) {
        if (Readiness.tcpOpen("127.0.0.1", port) || Readiness.tcpOpen("::1", port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port in TIME_WAIT after the previous run is usable, as the servers do
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
