package org.openipm.notification.delivery;

/**
 * What one attempt gave.
 *
 * @param statusCode the endpoint's HTTP status, null when there was no answer (or for a mail)
 * @param unreachable no answer at all (refused, timed out, refused target): the rest of the subscription's turn
 *     waits for the next one rather than spending a timeout each
 */
record Outcome(boolean delivered, Integer statusCode, String error, long durationMillis, boolean unreachable) {

    static final int MAX_ERROR = 300;

    Outcome {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }

    static Outcome answered(int statusCode, long durationMillis) {
        boolean delivered = statusCode >= 200 && statusCode < 300;
        return new Outcome(delivered, statusCode, delivered ? null : "answered HTTP " + statusCode, durationMillis,
                false);
    }

    static Outcome sent(long durationMillis) {
        return new Outcome(true, null, null, durationMillis, false);
    }

    static Outcome unreachable(String error, long durationMillis) {
        return new Outcome(false, null, error, durationMillis, true);
    }
}
