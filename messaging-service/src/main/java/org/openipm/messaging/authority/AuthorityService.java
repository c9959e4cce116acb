package org.openipm.messaging.authority;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/** The directory's rules: codes checked against their standards, ids fixed once registered. */
@ApplicationScoped
public class AuthorityService {

    private final AuthorityRepository authorities;

    public AuthorityService(AuthorityRepository authorities) {
        this.authorities = authorities;
    }

    @Transactional
    public AuthorityView create(AuthorityRequest request) {
        if (request.id() == null) {
            throw invalid(List.of(new Problem.FieldError("id", "id is required")));
        }
        validate(request);
        if (authorities.findById(request.id()) != null) {
            throw ProblemException.conflict("authority-exists", "Authority " + request.id() + " is already registered");
        }
        Authority authority = new Authority();
        authority.id = request.id();
        authority.createdAt = Instant.now();
        apply(authority, request, authority.createdAt);
        authorities.persist(authority);
        return AuthorityView.of(authority);
    }

    @Transactional
    public AuthorityView replace(String id, AuthorityRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw invalid(List.of(new Problem.FieldError("id", "the body's id " + request.id()
                    + " is not the path's " + id + "; an authority's id cannot change")));
        }
        validate(request);
        Authority authority = authorities.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Authority " + id));
        apply(authority, request, Instant.now());
        return AuthorityView.of(authority);
    }

    public Optional<AuthorityView> find(String id) {
        return authorities.findByIdOptional(id).map(AuthorityView::of);
    }

    public List<AuthorityView> list(Optional<String> country) {
        List<Authority> found = country.map(authorities::ofCountry).orElseGet(authorities::byCountryThenId);
        return found.stream().map(AuthorityView::of).toList();
    }

    private static void validate(AuthorityRequest request) {
        List<Problem.FieldError> errors = AuthorityRules.violations(request);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid authority");
        return new ProblemException(Problem.of("invalid-authority", "Bad Request", 400, detail).withErrors(errors));
    }

    private static void apply(Authority authority, AuthorityRequest request, Instant now) {
        authority.name = request.name().strip();
        authority.country = request.country();
        authority.type = request.type();
        authority.offices = new ArrayList<>(request.officesOrNone());
        authority.languages = new ArrayList<>(request.languagesOrNone().stream().distinct().toList());
        authority.contacts = new ArrayList<>(request.contactsOrNone());
        authority.updatedAt = now;
    }
}
