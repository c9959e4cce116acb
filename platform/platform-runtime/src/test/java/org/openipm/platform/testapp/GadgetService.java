package org.openipm.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.openipm.platform.outbox.Outbox;

/** Writes a gadget and its event in one transaction, as a service writes a change and its outbox row. */
@ApplicationScoped
public class GadgetService implements PanacheRepository<Gadget> {

    private final Outbox outbox;

    public GadgetService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Gadget make(String name) {
        Gadget gadget = new Gadget();
        gadget.name = name;
        persist(gadget);
        flush(); // a duplicate name fails here, inside the request, as a unique violation
        outbox.record(GadgetMade.TOPIC, name, GadgetMade.TYPE, Instant.now(), new GadgetMade(name, 1));
        return gadget;
    }

    /** An event alone, to any topic: what the relay tests need. */
    @Transactional
    public UUID announce(String topic, String name, int sequence) {
        return outbox.record(topic, name, GadgetMade.TYPE, Instant.now(), new GadgetMade(name, sequence));
    }

    /** Events of one transaction written together ({@link Outbox#recordAll}), with these sequence numbers. */
    @Transactional
    public List<UUID> announceAll(String topic, String name, int... sequences) {
        return outbox.recordAll(IntStream.of(sequences).mapToObj(sequence -> new Outbox.Pending(topic, name,
                GadgetMade.TYPE, Instant.now(), new GadgetMade(name, sequence))).toList());
    }
}
