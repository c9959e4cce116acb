package org.openipm.platform.startup;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

/** Stops a production start that lacks a secret (see {@link ProductionSecrets}); dev and test have their own. */
@ApplicationScoped
public class ProductionSecretsCheck {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Config config) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            ProductionSecrets.require(name -> config.getOptionalValue(name, String.class));
        }
    }
}
