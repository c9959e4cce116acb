package org.openipm.authentication.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.provider.protocol.MessageSignatures;

/** The registry's rules: validation, secrets sealed before they are stored, coverage and status changes audited. */
@ApplicationScoped
public class ProviderService {

    private final ProviderRepository providers;
    private final ProviderAuditRepository audits;
    private final ProviderSecrets secrets;
    private final ProviderStatisticsRepository reads;
    private final ActiveProviders active;

    public ProviderService(ProviderRepository providers, ProviderAuditRepository audits, ProviderSecrets secrets,
            ProviderStatisticsRepository reads, ActiveProviders active) {
        this.active = active;
        this.providers = providers;
        this.audits = audits;
        this.secrets = secrets;
        this.reads = reads;
    }

    @Transactional
    public ProviderCreated create(ProviderRequest request, String by) {
        if (request.id() == null) {
            throw ProblemException.badRequest("invalid-provider", "id is required");
        }
        validate(request);
        if (providers.findById(request.id()) != null) {
            throw ProblemException.conflict("provider-exists", "Provider " + request.id() + " is already registered");
        }
        String secret = request.secret() == null ? MessageSignatures.newSecret() : request.secret();
        Instant now = Instant.now();
        Provider provider = new Provider();
        provider.id = request.id();
        provider.createdAt = now;
        apply(provider, request, now);
        provider.secretEncrypted = secrets.seal(provider.id, secret);
        providers.persist(provider);
        audit(provider.id, by, "CREATED", null, state(provider), now);
        active.changed(providers.getEntityManager(), provider.id);
        return new ProviderCreated(ProviderView.of(provider), secret);
    }

    @Transactional
    public ProviderView update(String id, ProviderRequest request, String by) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.badRequest("invalid-provider", "The body's id " + request.id()
                    + " is not the path's " + id + "; a provider's id cannot change");
        }
        validate(request);
        Provider provider = providers.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Provider " + id));
        ProviderAudit.AuditedState before = state(provider);
        Instant now = Instant.now();
        apply(provider, request, now);
        if (request.secret() != null) {
            provider.secretEncrypted = secrets.seal(provider.id, request.secret());
        }
        ProviderAudit.AuditedState after = state(provider);
        if (!Objects.equals(before.coverage(), after.coverage())) {
            audit(id, by, "COVERAGE_CHANGED", before, after, now);
        }
        if (before.status() != after.status()) {
            audit(id, by, "STATUS_CHANGED", before, after, now);
        }
        if (request.secret() != null) {
            // The fact, never the value.
            audit(id, by, "SECRET_REPLACED", after, after, now);
        }
        // Any change (endpoint, timeout, name too): the workers' copy of the registry is replaced once this commits.
        active.changed(providers.getEntityManager(), id);
        return ProviderView.of(provider);
    }

    public Optional<ProviderView> find(String id) {
        return providers.findByIdOptional(id).map(ProviderView::of);
    }

    public List<ProviderView> all() {
        return providers.all().stream().map(ProviderView::of).toList();
    }

    public List<ProviderAuditView> audit(String id) {
        return audits.ofProvider(id).stream().map(ProviderAuditView::of).toList();
    }

    public ProviderStatistics statistics(String id) {
        return reads.of(id);
    }

    public List<BrandProviderView> coveringBrand(String brandId) {
        List<BrandProviderView> covering = new ArrayList<>();
        for (Provider provider : providers.all()) {
            if (provider.brands.contains(brandId)) {
                covering.add(new BrandProviderView(provider.id, provider.name, provider.status, provider.connector,
                        provider.gtins.isEmpty(), reads.brandsOwn(brandId, provider.gtins),
                        List.copyOf(provider.codeKinds)));
            }
        }
        return covering;
    }

    private static void apply(Provider provider, ProviderRequest request, Instant now) {
        provider.name = request.name().strip();
        provider.connector = request.connector();
        provider.endpoint = request.endpoint();
        provider.timeoutMs = request.timeoutMs() == null ? ProviderRequest.DEFAULT_TIMEOUT_MS : request.timeoutMs();
        provider.status = request.status() == null ? ProviderStatus.ACTIVE : request.status();
        Coverage coverage = request.coverage();
        provider.brands = new ArrayList<>(coverage.brands().stream().distinct().sorted().toList());
        provider.gtins = new ArrayList<>(coverage.gtins().stream().distinct().sorted().toList());
        provider.codeKinds = new ArrayList<>(coverage.codeKinds().stream().distinct().sorted().toList());
        provider.updatedAt = now;
    }

    private static void validate(ProviderRequest request) {
        if (request.connector() == ConnectorType.HTTP) {
            if (request.endpoint() == null || request.endpoint().isBlank()) {
                throw ProblemException.badRequest("invalid-provider", "An HTTP provider needs an endpoint URL");
            }
            try {
                URI endpoint = new URI(request.endpoint());
                if (!endpoint.isAbsolute() || endpoint.getHost() == null
                        || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
                    throw ProblemException.badRequest("invalid-provider",
                            "endpoint must be an absolute http or https URL");
                }
            } catch (URISyntaxException e) {
                throw ProblemException.badRequest("invalid-provider", "endpoint is not a URL: " + e.getReason());
            }
        }
        if (request.secret() != null) {
            try {
                new MessageSignatures(request.secret());
            } catch (IllegalArgumentException e) {
                // The value is not repeated: it may be a real secret pasted in the wrong field.
                throw ProblemException.badRequest("invalid-provider",
                        "secret is not a Standard Webhooks secret (whsec_ followed by base64)");
            }
        }
    }

    private static ProviderAudit.AuditedState state(Provider provider) {
        return new ProviderAudit.AuditedState(provider.status, provider.coverage());
    }

    private void audit(String providerId, String by, String change, ProviderAudit.AuditedState before,
            ProviderAudit.AuditedState after, Instant at) {
        ProviderAudit audit = new ProviderAudit();
        audit.providerId = providerId;
        audit.changedBy = by;
        audit.changedAt = at;
        audit.change = change;
        audit.before = before;
        audit.after = after;
        audits.persist(audit);
    }
}
