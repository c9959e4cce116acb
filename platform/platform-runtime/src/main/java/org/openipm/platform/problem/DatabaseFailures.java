package org.openipm.platform.problem;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises the database failures a client can act on, wherever they sit in an exception's causes: a concurrent
 * change (retry after reading again), a duplicate of a unique key (the thing exists), the database out of reach
 * (retry later). Anything else is a fault of ours.
 */
public final class DatabaseFailures {

    public enum Kind { CONCURRENT_CHANGE, DUPLICATE, UNAVAILABLE }

    private static final int MAX_DEPTH = 32;
    private static final String NO_CONNECTION = "Unable to acquire JDBC Connection";

    private DatabaseFailures() {
    }

    public static Optional<Kind> classify(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof jakarta.persistence.OptimisticLockException
                    || current instanceof org.hibernate.StaleStateException) {
                return Optional.of(Kind.CONCURRENT_CHANGE);
            }
            if (current instanceof org.hibernate.exception.JDBCConnectionException) {
                return Optional.of(Kind.UNAVAILABLE);
            }
            // No connection could be had at all (refused, not accepting, pool timed out): whatever the SQL state,
            // the database is out of reach for now. Hibernate names this case in its message only.
            if (current instanceof org.hibernate.JDBCException jdbc && jdbc.getMessage() != null
                    && jdbc.getMessage().startsWith(NO_CONNECTION)) {
                return Optional.of(Kind.UNAVAILABLE);
            }
            if (current instanceof SQLException sql) {
                Optional<Kind> kind = ofState(sql.getSQLState());
                if (kind.isPresent()) {
                    return kind;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Kind> ofState(String sqlState) {
        if (sqlState == null) {
            return Optional.empty();
        }
        if (sqlState.equals("23505")) {
            return Optional.of(Kind.DUPLICATE);
        }
        if (sqlState.equals("40001")) {
            return Optional.of(Kind.CONCURRENT_CHANGE);
        }
        // 08: connection failures; 57P01-57P03: the server shutting down, terminated or not yet accepting;
        // 53300: no connection slot left.
        if (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300")) {
            return Optional.of(Kind.UNAVAILABLE);
        }
        return Optional.empty();
    }
}
