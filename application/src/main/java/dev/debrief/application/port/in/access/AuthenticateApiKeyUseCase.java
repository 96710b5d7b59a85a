package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Principal;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {

    /** The key holder for a presented secret; empty when unknown, wrong, revoked or expired. */
    Optional<Principal.KeyHolder> authenticate(String secret);

    /**
     * The key holder when the answer needs no I/O: the key is in this instance's memory, accepts the secret, and
     * its use needs no recording now. Empty means "call {@link #authenticate}", never "refused". Never blocks, so
     * it may run on an I/O thread (it is not transactional).
     */
    Optional<Principal.KeyHolder> authenticateInMemory(String secret);
}
