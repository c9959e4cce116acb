package org.openipm.product.brand;

import jakarta.enterprise.context.RequestScoped;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * The catalogue's one access rule: a brand's data is managed by administrators and by that brand's own users.
 * Everyone else is told the thing does not exist (404, never 403), so that one brand cannot even discover another
 * brand's drafts, imports or access log. Officers may read what is published; {@link #mayRead} says so.
 */
@RequestScoped
public class BrandAccess {

    private final Caller caller;

    public BrandAccess(Caller caller) {
        this.caller = caller;
    }

    /** Admins, and users of exactly this brand. */
    public boolean manages(String brandId) {
        return caller.isAdmin() || caller.actsFor(brandId);
    }

    /** What {@link #manages} allows, plus officers reading something published. */
    public boolean mayRead(String brandId, boolean published) {
        return manages(brandId) || (published && caller.is(Roles.OFFICER));
    }

    /** Refuses, as "Brand ... not found", a caller who does not manage the brand. */
    public void requireManaged(String brandId) {
        if (!manages(brandId)) {
            throw ProblemException.notFound("Brand " + brandId);
        }
    }
}
