package org.openipm.launcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A component failed (did not start, exited, not ready in time). Printed as a message plus the tail of the
 * component's log; the launcher then stops everything and exits with 1.
 */
public final class LauncherException extends RuntimeException {

    private final transient Path logFile;

    public LauncherException(String message, Path logFile) {
        super(message);
        this.logFile = logFile;
    }

    public LauncherException(String message, Path logFile, Throwable cause) {
        super(message, cause);
        this.logFile = logFile;
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
