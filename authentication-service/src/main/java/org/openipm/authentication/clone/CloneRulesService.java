package org.openipm.authentication.clone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.openipm.authentication.AuthenticationSettings;
import org.openipm.authentication.catalogue.CatalogueRepository;
import org.openipm.platform.problem.ProblemException;

/** A brand's clone rules: validated against the brand's own products (per the catalogue copy), every change audited. */
@ApplicationScoped
public class CloneRulesService {

    private static final String INVALID = "invalid-clone-rules";

    private final BrandCloneRulesRepository rules;
    private final CloneRulesAuditRepository audits;
    private final CatalogueRepository catalogue;
    private final int defaultMaxVerifications;

    public CloneRulesService(BrandCloneRulesRepository rules, CloneRulesAuditRepository audits,
            CatalogueRepository catalogue, AuthenticationSettings settings) {
        this.rules = rules;
        this.audits = audits;
        this.catalogue = catalogue;
        this.defaultMaxVerifications = settings.clones().maxVerifications();
    }

    @Transactional
    public CloneRulesView of(String brandId) {
        return rules.findByIdOptional(brandId).map(this::view)
                .orElseGet(() -> new CloneRulesView(brandId, null, Map.of(), defaultMaxVerifications, null, null));
    }

    @Transactional
    public CloneRulesView replace(String brandId, CloneRules requested, String by) {
        validate(brandId, requested);
        BrandCloneRules stored = rules.findByIdOptional(brandId).orElse(null);
        CloneRules before = stored == null ? null : stored.rules();
        if (Objects.equals(before, requested)) {
            return view(stored);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean first = stored == null;
        if (first) {
            stored = new BrandCloneRules();
            stored.brandId = brandId;
        }
        stored.maxVerifications = requested.maxVerifications();
        stored.products = new HashMap<>(requested.products());
        stored.updatedBy = by;
        stored.updatedAt = now;
        if (first) {
            rules.persist(stored);
        }
        CloneRulesAudit audit = new CloneRulesAudit();
        audit.brandId = brandId;
        audit.changedBy = by;
        audit.changedAt = now;
        audit.before = before;
        audit.after = requested;
        audits.persist(audit);
        return view(stored);
    }

    @Transactional
    public List<CloneRulesAuditView> audit(String brandId) {
        return audits.ofBrand(brandId).stream().map(CloneRulesAuditView::of).toList();
    }

    private void validate(String brandId, CloneRules requested) {
        List<String> problems = new ArrayList<>();
        if (requested.maxVerifications() != null && outOfRange(requested.maxVerifications())) {
            problems.add("maxVerifications must be between " + CloneRules.MIN + " and " + CloneRules.MAX);
        }
        requested.products().forEach((product, limit) -> {
            if (limit == null || outOfRange(limit)) {
                problems.add("products." + product + " must be between " + CloneRules.MIN + " and " + CloneRules.MAX);
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(INVALID, String.join("; ", problems));
        }
        Set<UUID> own = catalogue.productsOfBrand(brandId, requested.products().keySet());
        Set<UUID> foreign = new TreeSet<>(requested.products().keySet());
        foreign.removeAll(own);
        if (!foreign.isEmpty()) {
            throw ProblemException.badRequest(INVALID, "not products of brand " + brandId + ": " + foreign);
        }
    }

    private static boolean outOfRange(int limit) {
        return limit < CloneRules.MIN || limit > CloneRules.MAX;
    }

    private CloneRulesView view(BrandCloneRules stored) {
        return new CloneRulesView(stored.brandId, stored.maxVerifications, stored.rules().products(),
                defaultMaxVerifications, stored.updatedBy, stored.updatedAt);
    }
}
