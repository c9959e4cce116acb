package org.openipm.reference.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.openipm.platform.problem.ProblemException;

/**
 * The current mode of this instance, switched at run time by the operator. Deliberately not stored: a restarted
 * provider answers normally, as a real one would once repaired.
 */
@ApplicationScoped
public class ProviderMode {

    static final long DEFAULT_SLOW_DELAY_MS = 5_000;
    static final long MAX_DELAY_MS = 600_000;

    private final AtomicReference<ModeSetting> current = new AtomicReference<>(ModeSetting.NORMAL);

    public ModeSetting current() {
        return current.get();
    }

    public ModeSetting switchTo(ModeSetting requested) {
        if (requested == null || requested.mode() == null) {
            throw ProblemException.badRequest("invalid-mode", "mode is required: NORMAL, SLOW or FAILING");
        }
        if (requested.delayMs() != null && requested.mode() != Mode.SLOW) {
            throw ProblemException.badRequest("invalid-mode", "delayMs applies to mode SLOW only");
        }
        if (requested.delayMs() != null && (requested.delayMs() < 0 || requested.delayMs() > MAX_DELAY_MS)) {
            throw ProblemException.badRequest("invalid-mode", "delayMs must be between 0 and " + MAX_DELAY_MS);
        }
        ModeSetting setting = requested.mode() == Mode.SLOW && requested.delayMs() == null
                ? new ModeSetting(Mode.SLOW, DEFAULT_SLOW_DELAY_MS) : requested;
        current.set(setting);
        return setting;
    }
}
