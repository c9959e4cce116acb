package org.openipm.launcher;

import java.nio.file.Path;

/**
 * Something the user must fix or look at: printed as one line (and the end of {@code logFile}, if any), no stack
 * trace. Usage mistakes (a bad port number, a busy port) exit with 2, failures with 1.
 */
final class LauncherException extends RuntimeException {

    static final int USAGE = 2;

    final transient Path logFile;
    final int exitCode;

    LauncherException(String message, Path logFile, int exitCode) {
        super(message);
        this.logFile = logFile;
        this.exitCode = exitCode;
    }

    static LauncherException usage(String message) {
        return new LauncherException(message, null, USAGE);
    }

    static LauncherException failure(String message, Path logFile) {
        return new LauncherException(message, logFile, 1);
    }
}
