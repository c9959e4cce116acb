package org.openipm.platform.events;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that will pass by itself (the database or the broker is down, restarting, overloaded; a
 * serialisation conflict) from one that will fail the same way every time (bad data, a malformed event). A consumer
 * retries the first kind until it succeeds and sets only the second kind aside on its dead-letter topic: a database
 * outage must never be mistaken for poison.
 * <p>
 * The whole chain of causes is searched (Hibernate, the transaction manager and the pool all wrap the driver's
 * {@link SQLException}); anything not recognised as transient counts as permanent, so an unknown bug costs one
 * record, not the whole stream.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof ReceivedEvent.MalformedEventException) {
                return false;
            }
            if (t instanceof SQLException sql) {
                Boolean known = bySqlState(sql);
                if (known != null) {
                    return known;
                }
                if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException
                        || isPoolAcquisitionTimeout(sql)) {
                    return true;
                }
                push(pending, sql.getNextException());
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof EOFException || t instanceof SocketException
                    || t instanceof RetriableException || t instanceof TimeoutException) {
                return true;
            }
            push(pending, t.getCause());
            for (Throwable suppressed : t.getSuppressed()) {
                push(pending, suppressed);
            }
        }
        return false;
    }

    private static void push(Deque<Throwable> pending, Throwable t) {
        if (t != null) {
            pending.push(t);
        }
    }

    /**
     * By SQLSTATE class: 08 connection exception, 57P01-57P03 server shutting down or starting, 53 insufficient
     * resources, 40001/40P01 serialisation failure and deadlock are transient; 22 data exception and 23 integrity
     * violation are permanent; anything else is not decided here.
     */
    static Boolean bySqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null || state.length() != 5) {
            return null;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0") || state.equals("40001")
                || state.equals("40P01")) {
            return true;
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return false;
        }
        return null;
    }

    /** The pool gave up waiting for a connection (Agroal says so in the message only, without a SQLSTATE). */
    private static boolean isPoolAcquisitionTimeout(SQLException sql) {
        return sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
