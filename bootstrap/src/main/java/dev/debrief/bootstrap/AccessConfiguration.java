package dev.debrief.bootstrap;

import dev.debrief.application.port.out.access.AccessSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Access settings from configuration (DEBRIEF_BOOTSTRAP_ADMIN_EMAIL). */
@ApplicationScoped
public class AccessConfiguration implements AccessSettings {

    @ConfigProperty(name = "debrief.bootstrap-admin-email")
    Optional<String> bootstrapAdminEmail;

    @Override
    public Optional<String> bootstrapAdminEmail() {
        return bootstrapAdminEmail.filter(email -> !email.isBlank());
    }
}
