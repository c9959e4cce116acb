package org.openipm.authentication.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.openipm.platform.database.AfterCommit;
import org.openipm.platform.database.ChannelListener;
import org.openipm.platform.database.DataSourceSettings;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * The ACTIVE providers as the connector workers need them for every request (coverage to choose one, endpoint,
 * timeout, the opened secret), kept in memory instead of read, and the secret decrypted, for each request.
 * <p>
 * Every change of the registry ({@link ProviderService}) sends a notice on {@link #CHANNEL} from its transaction;
 * PostgreSQL delivers it after the commit to every instance, which then forgets its copy. The instance that made the
 * change forgets it at its own commit already, so the next request it handles sees the change. While the listening
 * connection is down notices can be lost: nothing is then served from memory or kept, and listening again forgets
 * everything first. A read that overlaps a change is used once but not kept ({@link #generation}).
 */
@ApplicationScoped
public class ActiveProviders {

    static final String CHANNEL = "authentication_providers";
    private static final Logger LOG = Logger.getLogger(ActiveProviders.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ProviderSecrets secrets;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transaction;
    private final ChannelListener listener;
    /** Changes forgotten so far; a read kept only when none happened while it ran. */
    private long generation;
    private volatile List<ActiveProvider> held;

    public ActiveProviders(AgroalDataSource dataSource, ProviderSecrets secrets, ObjectMapper json,
            TransactionSynchronizationRegistry transaction, DataSourceSettings listening) {
        this.dataSource = dataSource;
        this.secrets = secrets;
        this.json = json;
        this.transaction = transaction;
        this.listener = new ChannelListener(listening, CHANNEL, "authentication-service provider registry listener",
                Duration.ofSeconds(1), this::forget, changed -> forget());
    }

    /** A provider a worker may ask; {@code signatures} null when its secret cannot be opened with the key. */
    public record ActiveProvider(Provider provider, MessageSignatures signatures) {
    }

    /** The ACTIVE providers, as committed. */
    public List<ActiveProvider> all() {
        List<ActiveProvider> current = held;
        if (current != null && listener.isListening()) {
            return current;
        }
        long before;
        synchronized (this) {
            before = generation;
        }
        List<ActiveProvider> read = read();
        synchronized (this) {
            if (generation == before && listener.isListening()) {
                held = read;
            }
        }
        return read;
    }

    /**
     * Called inside the transaction that changes the registry: every instance forgets its copy once it commits
     * (nothing on a rollback). Plain JDBC on the transaction's own connection, as {@code CompletionNotices} does.
     */
    void changed(EntityManager entityManager, String providerId) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, providerId);
                notify.execute();
            }
        });
        AfterCommit.run(transaction, this::forget);
    }

    private synchronized void forget() {
        generation++;
        held = null;
    }

    private List<ActiveProvider> read() {
        List<ActiveProvider> active = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id, name, connector, endpoint, "
                        + "secret_encrypted, timeout_ms, brands, gtins, code_kinds from provider "
                        + "where status = 'ACTIVE' order by id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Provider provider = new Provider();
                provider.id = rows.getString(1);
                provider.name = rows.getString(2);
                provider.connector = ConnectorType.valueOf(rows.getString(3));
                provider.endpoint = rows.getString(4);
                provider.secretEncrypted = rows.getString(5);
                provider.timeoutMs = rows.getInt(6);
                provider.status = ProviderStatus.ACTIVE;
                provider.brands = strings(rows.getString(7));
                provider.gtins = strings(rows.getString(8));
                provider.codeKinds = strings(rows.getString(9));
                active.add(new ActiveProvider(provider, opened(provider)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the active providers", e);
        }
        return List.copyOf(active);
    }

    private MessageSignatures opened(Provider provider) {
        try {
            return secrets.signaturesOf(provider);
        } catch (RuntimeException e) {
            LOG.errorf("Provider %s cannot be asked: its secret cannot be opened (%s)", provider.id, e.getMessage());
            return null;
        }
    }

    private List<String> strings(String array) {
        try {
            return List.copyOf(json.readValue(array, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable coverage in the provider table", e);
        }
    }

    void start(@Observes StartupEvent startup) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        listener.close();
    }
}
