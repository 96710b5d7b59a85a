package dev.debrief.adapter.rest.shared;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Path and query parameters follow {@link InputText}'s rule before any resource reads them: a NUL
 * ({@code %00}) or an unpaired surrogate in {@code q}, {@code resource}, {@code deals-by-external-id/{source}/…}
 * or any other parameter is a 400 naming it, never a query that PostgreSQL refuses.
 */
public class ParameterTexts {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        checkAll(uri.getPathParameters());
        checkAll(uri.getQueryParameters());
    }

    private static void checkAll(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                InputText.require(value, parameter.getKey());
            }
        }
    }
}
