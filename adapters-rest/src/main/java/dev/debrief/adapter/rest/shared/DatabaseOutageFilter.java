package dev.debrief.adapter.rest.shared;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * While the database is known to be down, API requests are answered {@code 503 database.unavailable}
 * at once, before authentication (which itself needs the database for API keys), instead of each one
 * waiting for a connection or socket timeout. {@link DatabaseOutages} says when it is down and back.
 */
@Provider
@PreMatching
public class DatabaseOutageFilter implements ContainerRequestFilter {

    @Inject
    DatabaseOutages outages;

    @Override
    public void filter(ContainerRequestContext request) {
        if (outages.isDown()) {
            outages.refusedWhileDown();
            request.abortWith(ProblemMappers.databaseUnavailable(null));
        }
    }
}
