package org.openipm.authentication.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;

/**
 * Tells every instance that a request was completed, whichever instance's worker recorded it: the statement that
 * records the verdict runs {@code pg_notify}, PostgreSQL delivers it after the commit to every listener. Completion streams
 * use it to answer at once. A notice sent while this listener's connection is down is lost, so each time listening
 * (re)starts every open stream is told to look again ({@link #EVERY_REQUEST}): the streams need no polling of their
 * own, which under load would multiply with the number of officers waiting.
 * <p>
 * The notice carries the completed request as its officer sees it and the authority that made it, so a waiting
 * stream answers without reading the row again. A view too long for a notice (PostgreSQL takes under 8,000 bytes)
 * goes as the bare id, and the streams read the request.
 * <p>
 * Streams register by request id, so a notice reaches only the streams of its request: with every stream filtering
 * every notice, the listener's thread spent time in proportion to the streams open (thousands under load) on each.
 * The payload starts with the id, so a notice for a request nobody waits for here is not parsed.
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

    /** The JSON after the id in the payload of a notice that carries the request. */
    record Notice(String authority, AuthenticationView view) {
    }

    private static final Completion EVERY = new Completion(EVERY_REQUEST, null, null);
    private final Map<UUID, Set<Consumer<Completion>>> waiting = new ConcurrentHashMap<>();
    private final ChannelListener listener;
    private final ObjectMapper json;

    public CompletionNotices(DataSourceSettings dataSource, ObjectMapper json) {
        this.json = json;
        this.listener = new ChannelListener(dataSource, CHANNEL, "authentication-service completion listener",
                Duration.ofSeconds(1), this::wakeEveryStream, this::wake);
    }

    /**
     * The notice of a completed request: the statement that completes the request sends it
     * ({@link AuthenticationRepository#complete}), so it is delivered only if that change commits.
     */
    public Announcement announcementOf(AuthenticationRequest request) {
        return new Announcement(CHANNEL, payload(request));
    }

    /** What {@code pg_notify} is called with. */
    public record Announcement(String channel, String payload) {
    }

    private String payload(AuthenticationRequest request) {
        try {
            String notice = request.id + " "
                    + json.writeValueAsString(new Notice(request.authority, AuthenticationView.of(request)));
            if (notice.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
                return notice;
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("Completion of %s announced by its id alone: %s", request.id, e.toString());
        }
        return request.id.toString();
    }

    /**
     * Calls {@code onCompletion} on the listener's thread with each notice of this request completed from now on,
     * by any instance, and with {@link #EVERY_REQUEST} (no authority, no view) after a gap, until cancelled.
     */
    public Cancellable listen(UUID requestId, Consumer<Completion> onCompletion) {
        waiting.compute(requestId, (id, streams) -> {
            Set<Consumer<Completion>> all = streams != null ? streams : ConcurrentHashMap.newKeySet();
            all.add(onCompletion);
            return all;
        });
        return () -> waiting.computeIfPresent(requestId, (id, streams) -> {
            streams.remove(onCompletion);
            return streams.isEmpty() ? null : streams;
        });
    }

    void start(@Observes StartupEvent startup) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        listener.close();
    }

    private void wake(String payload) {
        try {
            UUID id = UUID.fromString(payload.length() > 36 ? payload.substring(0, 36) : payload);
            Set<Consumer<Completion>> streams = waiting.get(id);
            if (streams == null) {
                return;
            }
            Completion completion = completion(id, payload.length() > 37 ? payload.substring(37) : null);
            streams.forEach(stream -> tell(stream, completion));
        } catch (IllegalArgumentException ignored) {
            // Not ours: nothing to wake.
        }
    }

    /** With the id alone (the streams read the request) when the rest is absent or not understood. */
    private Completion completion(UUID id, String notice) {
        if (notice != null) {
            try {
                Notice parsed = json.readValue(notice, Notice.class);
                if (parsed.view() != null && id.equals(parsed.view().id())) {
                    return new Completion(id, parsed.authority(), parsed.view());
                }
            } catch (JsonProcessingException e) {
                LOG.debugf("Completion notice of %s not understood, the streams read the request: %s", id,
                        e.toString());
            }
        }
        return new Completion(id, null, null);
    }

    private void wakeEveryStream() {
        waiting.values().forEach(streams -> streams.forEach(stream -> tell(stream, EVERY)));
    }

    /** One stream's failure must not keep the notice from the others, nor stop the listener. */
    private static void tell(Consumer<Completion> stream, Completion completion) {
        try {
            stream.accept(completion);
        } catch (RuntimeException e) {
            LOG.debugf("A completion stream refused a notice: %s", e.toString());
        }
    }
}
