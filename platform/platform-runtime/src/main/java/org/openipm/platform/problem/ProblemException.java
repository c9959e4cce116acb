package org.openipm.platform.problem;

/**
 * Thrown by services for a request that breaks a rule; the shared mapper turns it into problem+json. Services
 * throw these instead of building responses, so every rejection looks the same to clients.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    private ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds after which the same request may succeed (sent as Retry-After), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429: the request is fine but comes too soon; the client may send it again after {@code seconds}. */
    public static ProblemException tooManyRequests(String kind, String detail, long seconds) {
        return new ProblemException(Problem.of(kind, "Too Many Requests", 429, detail), seconds);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not Found", 404, what + " does not exist"));
    }

    public static ProblemException badRequest(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Bad Request", 400, detail));
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Conflict", 409, detail));
    }

    public static ProblemException unprocessable(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Unprocessable Content", 422, detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of("stale-version", "Precondition Failed", 412, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }
}
