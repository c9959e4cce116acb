package org.openipm.authentication.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;

/**
 * Tells every instance that a request was completed, whichever instance's worker recorded it: the recording
 * transaction runs {@code pg_notify}, PostgreSQL delivers it after the commit to every listener. Completion streams
 * use it to answer at once. A notice sent while this listener's connection is down is lost, so each time listening
 * (re)starts every open stream is told to look again ({@link #EVERY_REQUEST}): the streams need no polling of their
 * own, which under load would multiply with the number of officers waiting.
 * <p>
 * The notice carries the completed request as its officer sees it and the authority that made it, so a waiting
 * stream answers without reading the row again. A view too long for a notice (PostgreSQL takes under 8,000 bytes)
 * goes as the bare id, and the streams read the request.
 */
@ApplicationScoped
public class CompletionNotices {

    static final String CHANNEL = "authentication_completed";
    /** Published when notices may have been missed: every stream checks its request again. */
    public static final UUID EVERY_REQUEST = new UUID(0, 0);

    /** PostgreSQL refuses a notice payload of 8,000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7_900;
    private static final Logger LOG = Logger.getLogger(CompletionNotices.class);

    /**
     * A request completed.
     *
     * @param authority who made it, null when the notice carried only the id
     * @param view the request as its officer sees it, null when the notice carried only the id
     */
    public record Completion(UUID id, String authority, AuthenticationView view) {

        /** What the request's officer may be shown without reading the request again. */
        public boolean carriesViewFor(String callerAuthority) {
            return view != null && callerAuthority.equals(authority);
        }
    }

    /** The payload of a notice that carries the request. */
    record Notice(String authority, AuthenticationView view) {
    }

    private final BroadcastProcessor<Completion> completed = BroadcastProcessor.create();
    private final ChannelListener listener;
    private final ObjectMapper json;

    public CompletionNotices(DataSourceSettings dataSource, ObjectMapper json) {
        this.json = json;
        this.listener = new ChannelListener(dataSource, CHANNEL, "authentication-service completion listener",
                Duration.ofSeconds(1), () -> completed.onNext(new Completion(EVERY_REQUEST, null, null)), this::wake);
    }

    /**
     * Called inside the transaction that completes the request, after its last change: delivered only if it
     * commits. Plain JDBC on the session's connection: a Hibernate native query would flush and plan a query for
     * every verdict.
     */
    public void announce(EntityManager entityManager, AuthenticationRequest request) {
        String payload = payload(request);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        });
    }

    private String payload(AuthenticationRequest request) {
        try {
            String notice = json.writeValueAsString(new Notice(request.authority, AuthenticationView.of(request)));
            if (notice.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
                return notice;
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("Completion of %s announced by its id alone: %s", request.id, e.toString());
        }
        return request.id.toString();
    }

    /**
     * Requests completed from now on, by any instance, and {@link #EVERY_REQUEST} (no authority, no view) after a
     * gap.
     */
    public Multi<Completion> completions() {
        return completed;
    }

    void start(@Observes StartupEvent startup) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        listener.close();
    }

    private void wake(String payload) {
        try {
            if (payload.startsWith("{")) {
                Notice notice = json.readValue(payload, Notice.class);
                completed.onNext(new Completion(notice.view().id(), notice.authority(), notice.view()));
            } else {
                completed.onNext(new Completion(UUID.fromString(payload), null, null));
            }
        } catch (IllegalArgumentException | JsonProcessingException | NullPointerException ignored) {
            // Not ours: nothing to wake.
        }
    }
}
