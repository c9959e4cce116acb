package org.openipm.messaging.cases;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/**
 * Who may see which case, in one place: an officer for their authority ({@code org}), a brand user for their brand,
 * and only in cases where that authority or brand is a participant. Everybody else (administrators included, and
 * tokens without {@code org}) sees no case at all: every case path answers 404, lists are empty.
 */
@RequestScoped
public class CaseAccess {

    private final Caller caller;

    public CaseAccess(Caller caller) {
        this.caller = caller;
    }

    /** The authority or brand the caller looks through; empty when the caller can be no participant. */
    public Optional<CaseViewer> viewer() {
        if (caller.is(Roles.OFFICER)) {
            return caller.org().map(CaseViewer::authority);
        }
        if (caller.is(Roles.BRAND)) {
            return caller.org().map(CaseViewer::brand);
        }
        return Optional.empty();
    }

    /** The officer's authority, for acts only an officer may do (flagging). */
    public String officersAuthority() {
        return caller.org().orElseThrow(() -> ProblemException.forbidden(
                "The officer's token names no authority (claim org)"));
    }

    public String who() {
        return caller.subject();
    }
}
