package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Principal;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /** The key holder for a presented secret; empty when unknown, wrong, revoked or expired. */
    Optional<Principal.KeyHolder> authenticate(String secret);
}
