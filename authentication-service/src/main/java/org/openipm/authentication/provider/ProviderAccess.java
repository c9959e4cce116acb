package org.openipm.authentication.provider;

import jakarta.enterprise.context.RequestScoped;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * Who may see which provider, in one place: administrators all of them, a provider's machine account (role
 * {@code ssp}, {@code org} = provider id) its own entry, nobody else anything: they get 404, as if it did not exist.
 */
@RequestScoped
public class ProviderAccess {

    private final Caller caller;

    public ProviderAccess(Caller caller) {
        this.caller = caller;
    }

    public void requireReader(String providerId) {
        if (!caller.isAdmin() && !(caller.is(Roles.SSP) && caller.org().filter(providerId::equals).isPresent())) {
            throw ProblemException.notFound("Provider " + providerId);
        }
    }

    public void requireAdmin(String providerId) {
        if (!caller.isAdmin()) {
            throw ProblemException.notFound("Provider " + providerId);
        }
    }

    public void requireBrandReader(String brandId) {
        if (!caller.isAdmin() && !caller.actsFor(brandId)) {
            throw ProblemException.notFound("Brand " + brandId);
        }
    }

    public String who() {
        return caller.subject();
    }
}
