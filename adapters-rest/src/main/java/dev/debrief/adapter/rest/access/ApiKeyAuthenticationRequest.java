package dev.debrief.adapter.rest.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key secret presented by a caller, to be checked against the database. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
