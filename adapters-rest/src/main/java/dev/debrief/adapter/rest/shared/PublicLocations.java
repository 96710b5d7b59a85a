package dev.debrief.adapter.rest.shared;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.Objects;

/**
 * Resources build {@code Location} from the request ({@code UriInfo}), that is from its {@code Host} header.
 * When {@link PublicBaseUrl} is configured, a Location that points into this service is rewritten onto it:
 * its path (and query) after the configured URL. Unconfigured, Location keeps the request's own scheme and
 * host (those of {@code quarkus.http.proxy.*} forwarding when that is enabled).
 */
public class PublicLocations {

    @Inject
    PublicBaseUrl publicBaseUrl;

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        Object header = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (header == null) {
            return;
        }
        publicBaseUrl.base().ifPresent(base -> {
            URI location = URI.create(header.toString());
            URI own = request.getUriInfo().getBaseUri();
            if (location.isAbsolute() && !sameServer(location, own)) {
                return;
            }
            String path = location.getRawPath() == null ? "" : location.getRawPath();
            String query = location.getRawQuery() == null ? "" : "?" + location.getRawQuery();
            response.getHeaders().putSingle(HttpHeaders.LOCATION, URI.create(base + path + query));
        });
    }

    private static boolean sameServer(URI location, URI own) {
        return Objects.equals(location.getScheme(), own.getScheme())
                && Objects.equals(location.getRawAuthority(), own.getRawAuthority());
    }
}
