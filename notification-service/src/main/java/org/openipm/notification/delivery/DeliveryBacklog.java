package org.openipm.notification.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.openipm.notification.NotificationSettings;

/**
 * The delivery backlog as metrics, per channel, for operators: {@code openipm.notification.deliveries.pending}
 * (deliveries not yet delivered, given up or cancelled, whether due now or waiting for a retry) and
 * {@code openipm.notification.deliveries.oldest.due.age} (seconds since the longest-waiting due delivery became due;
 * 0 when none is due). Counted from the table, so every instance reports the whole backlog; the count is taken when
 * the metrics are read, at most once per {@code delivery.backlog-refresh}.
 */
@ApplicationScoped
public class DeliveryBacklog {

    private static final Logger LOG = Logger.getLogger(DeliveryBacklog.class);

    private final DataSource dataSource;
    private final MeterRegistry metrics;
    private final Duration refresh;
    private volatile Map<Channel, Counts> counts = new EnumMap<>(Channel.class);
    /** System.nanoTime() from which the next read counts again (now, at first). */
    private volatile long nextCount = System.nanoTime();

    public DeliveryBacklog(DataSource dataSource, MeterRegistry metrics, NotificationSettings settings) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.refresh = settings.delivery().backlogRefresh();
    }

    void register(@Observes StartupEvent startup) {
        for (Channel channel : Channel.values()) {
            Gauge.builder("openipm.notification.deliveries.pending", this, b -> b.of(channel).pending())
                    .description("Deliveries pending (due now or waiting for a retry)").tag("channel", channel.name())
                    .register(metrics);
            Gauge.builder("openipm.notification.deliveries.oldest.due.age", this,
                            b -> b.of(channel).oldestDueSeconds())
                    .description("Seconds since the longest-waiting due delivery became due").baseUnit("seconds")
                    .tag("channel", channel.name()).register(metrics);
        }
    }

    /** The backlog of one channel, counted again when the last count is older than the refresh interval. */
    Counts of(Channel channel) {
        if (System.nanoTime() - nextCount >= 0) {
            recount();
        }
        return counts.getOrDefault(channel, Counts.NONE);
    }

    private synchronized void recount() {
        if (System.nanoTime() - nextCount < 0) {
            return; // another reader just counted
        }
        Map<Channel, Counts> fresh = new EnumMap<>(Channel.class);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select s.channel, count(*), coalesce(extract("
                        + "epoch from clock_timestamp() - min(d.next_attempt_at) filter (where d.next_attempt_at <= "
                        + "clock_timestamp())), 0) from delivery d join subscription s on s.id = d.subscription_id "
                        + "where d.status = 'PENDING' group by s.channel");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                fresh.put(Channel.valueOf(rows.getString(1)), new Counts(rows.getLong(2), rows.getDouble(3)));
            }
            counts = fresh;
        } catch (SQLException e) {
            // The database is away: the last figures stay (the gauges are a view, not the record).
            LOG.debugf("Delivery backlog not counted: %s", e.getMessage());
        }
        nextCount = System.nanoTime() + refresh.toNanos();
    }

    record Counts(long pending, double oldestDueSeconds) {
        static final Counts NONE = new Counts(0, 0);
    }
}
