package org.openipm.launcher;

/**
 * A mistake the user can fix from the command line or the environment (bad argument, busy port, bad port
 * number). Printed as one line, without a stack trace, and the launcher exits with {@link #EXIT_CODE}.
 */
public class UsageException extends RuntimeException {

    public static final int EXIT_CODE = 2;

    public UsageException(String message) {
        super(message);
    }
}
