package org.openipm.product.infringer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.infringers.InfringerDelisted;
import org.openipm.events.infringers.InfringerListed;
import org.openipm.platform.outbox.Outbox;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.brand.BrandRepository;

/**
 * A brand's list of known infringers: each change is stored and published on {@code brand-infringers} (outbox, same
 * transaction), so messaging-service's copy never holds an entry the brand did not commit, nor misses one.
 */
@ApplicationScoped
public class InfringerService {

    private final InfringerRepository entries;
    private final BrandRepository brands;
    private final Outbox outbox;
    private final InfringerSettings settings;

    public InfringerService(InfringerRepository entries, BrandRepository brands, Outbox outbox,
            InfringerSettings settings) {
        this.entries = entries;
        this.brands = brands;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Transactional
    public InfringerView list(String brandId, InfringerRequest request, String user) {
        lockBrand(brandId);
        String value = checked(request);
        if (entries.countOfBrand(brandId) >= settings.maxPerBrand()) {
            throw new ProblemException(Problem.of("too-many-infringers", "Unprocessable Content", 422,
                    "A brand lists at most " + settings.maxPerBrand() + " known infringers; remove entries that no "
                            + "longer matter first").withErrors(List.of(new Problem.FieldError("value",
                    "list full (" + settings.maxPerBrand() + " entries)"))));
        }
        refuseDuplicate(brandId, request.kind(), value, new UUID(0, 0));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Infringer entry = new Infringer();
        entry.id = UUID.randomUUID();
        entry.brandId = brandId;
        entry.version = 1;
        entry.createdAt = now;
        entry.createdBy = user;
        fill(entry, request, value, user, now);
        entries.persist(entry);
        publish(entry);
        return InfringerView.of(entry);
    }

    @Transactional
    public Optional<InfringerView> replace(String brandId, UUID id, InfringerRequest request, String user) {
        lockBrand(brandId);
        Optional<Infringer> found = entries.ofBrand(brandId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String value = checked(request);
        refuseDuplicate(brandId, request.kind(), value, id);
        Infringer entry = found.get();
        entry.version++;
        fill(entry, request, value, user, Instant.now().truncatedTo(ChronoUnit.MICROS));
        publish(entry);
        return Optional.of(InfringerView.of(entry));
    }

    /** False when the brand lists no such entry. */
    @Transactional
    public boolean remove(String brandId, UUID id) {
        Optional<Infringer> found = entries.ofBrand(brandId, id);
        if (found.isEmpty()) {
            return false;
        }
        Infringer entry = found.get();
        entries.delete(entry);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        outbox.record(Topics.BRAND_INFRINGERS, entry.id.toString(), EventTypes.INFRINGER_DELISTED, now,
                new InfringerDelisted(entry.id, brandId, entry.version + 1, now));
        return true;
    }

    public InfringerView.Page ofBrand(String brandId, int page, int size) {
        List<InfringerView> items = entries.ofBrand(brandId, page, size).stream().map(InfringerView::of).toList();
        return new InfringerView.Page(items, page, size, entries.countOfBrand(brandId), settings.maxPerBrand());
    }

    public Optional<InfringerView> entry(String brandId, UUID id) {
        return entries.ofBrand(brandId, id).map(InfringerView::of);
    }

    /** Serialises changes of one brand's list, so the limit and the duplicate check hold under concurrent writes. */
    private void lockBrand(String brandId) {
        if (brands.findByIdOptional(brandId, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
            throw ProblemException.notFound("Brand " + brandId);
        }
    }

    private static String checked(InfringerRequest request) {
        InfringerRules.Checked checked = InfringerRules.check(request.kind(), request.value());
        if (checked.refused()) {
            throw new ProblemException(Problem.of("validation", "Bad Request", 400, "value: " + checked.problem())
                    .withErrors(List.of(new Problem.FieldError("value", checked.problem()))));
        }
        return checked.value();
    }

    private void refuseDuplicate(String brandId, InfringerKind kind, String value, UUID except) {
        if (entries.listed(brandId, kind, value, except)) {
            throw new ProblemException(Problem.of("infringer-already-listed", "Conflict", 409,
                    "Your list already holds " + kind + " " + value).withErrors(List.of(
                    new Problem.FieldError("value", "already listed"))));
        }
    }

    private static void fill(Infringer entry, InfringerRequest request, String value, String user, Instant now) {
        entry.kind = request.kind();
        entry.value = value;
        entry.country = request.country();
        entry.evidence = request.evidence().strip();
        entry.updatedAt = now;
        entry.updatedBy = user;
    }

    private void publish(Infringer entry) {
        outbox.record(Topics.BRAND_INFRINGERS, entry.id.toString(), EventTypes.INFRINGER_LISTED, entry.updatedAt,
                new InfringerListed(entry.id, entry.brandId, entry.kind.name(), entry.value, entry.country,
                        entry.evidence, entry.version, entry.updatedAt));
    }
}
