package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.AccessSettings;

import java.util.Optional;

/** Access settings a test sets directly. */
public class FixedAccessSettings implements AccessSettings {

    private String bootstrapAdminEmail;

    public FixedAccessSettings bootstrapAdminEmail(String email) {
        this.bootstrapAdminEmail = email;
        return this;
    }

    @Override
    public Optional<String> bootstrapAdminEmail() {
        return Optional.ofNullable(bootstrapAdminEmail);
    }
}
