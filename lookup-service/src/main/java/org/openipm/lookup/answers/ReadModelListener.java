package org.openipm.lookup.answers;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.openipm.lookup.LookupSettings;
import org.openipm.lookup.readmodel.ReadModelNotice;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;

/**
 * Hears every change applied to the shared read model, by this instance or any other, and fires it as a
 * {@link ReadModelNotice} for the in-memory answers to forget what changed.
 *
 * <p>While the connection is down, notices may be missed: {@link #isListening()} turns false (caches must then
 * neither serve nor keep anything) and, once listening again, a notice to forget everything is fired first.
 */
@ApplicationScoped
public class ReadModelListener {

    private final ChannelListener listener;

    public ReadModelListener(Event<ReadModelNotice> notices, DataSourceSettings dataSource, LookupSettings settings) {
        this.listener = new ChannelListener(dataSource, ReadModelNotice.CHANNEL, "lookup-service read model listener",
                settings.listenerRetry(),
                // Whatever changed while nobody listened is unknown: forget it all before serving from caches again.
                () -> notices.fire(ReadModelNotice.ofEverything()),
                payload -> notices.fire(ReadModelNotice.parse(payload)));
    }

    void start(@Observes StartupEvent startup) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        listener.close();
    }

    /** True while every committed change is being heard. */
    public boolean isListening() {
        return listener.isListening();
    }

    /** The backend process id of the listening connection, for operators (and tests) who need to find it. */
    public Integer backendPid() {
        return listener.backendPid();
    }
}
