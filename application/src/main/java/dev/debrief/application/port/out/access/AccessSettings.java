package dev.debrief.application.port.out.access;

import java.util.Optional;

/** Configuration the access rules depend on. */
public interface AccessSettings {

    /**
     * When present, only a person whose token carries this verified email may create workspaces
     * (production's first admin). When absent, any authenticated person may.
     */
    Optional<String> bootstrapAdminEmail();
}
