package org.openipm.launcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Something the user must fix or look at: printed as one line (plus the tail of {@code logFile}, if any), no
 * stack trace. {@link #usage} mistakes (a bad port number, a busy port) exit with 2, failures with 1.
 */
final class LauncherException extends RuntimeException {

    static final int USAGE = 2;

    private final transient Path logFile;
    private final int exitCode;

    LauncherException(String message, Path logFile) {
        this(message, logFile, 1, null);
    }

    LauncherException(String message, Path logFile, int exitCode, Throwable cause) {
        super(message, cause);
        this.logFile = logFile;
        this.exitCode = exitCode;
    }

    static LauncherException usage(String message) {
        return new LauncherException(message, null, USAGE, null);
    }

    Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    int exitCode() {
        return exitCode;
    }
}
