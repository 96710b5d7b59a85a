package dev.debrief.adapter.rest.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL clients reach the service at ({@code debrief.public-base-url}, DEBRIEF_PUBLIC_BASE_URL), e.g.
 * {@code https://api.example.com} or, behind a gateway that strips a prefix, {@code https://example.com/debrief}.
 * When set, {@code Location} headers name the service by it ({@link PublicLocations}) and its origin is the
 * service's own for CORS ({@link CrossOrigins}); a request's {@code Host} header is then never used for either.
 */
@ApplicationScoped
public class PublicBaseUrl {

    private final String base;
    private final String origin;

    @Inject
    public PublicBaseUrl(@ConfigProperty(name = "debrief.public-base-url") Optional<String> configured) {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            this.base = null;
            this.origin = null;
            return;
        }
        URI uri = parse(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
        this.origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.base = origin + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    private static URI parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value, e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw invalid(value, "it must start with https:// or http://");
        }
        if (uri.getHost() == null) {
            throw invalid(value, "it names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw invalid(value, "it may have a path, but no query, fragment or user");
        }
        return uri;
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("DEBRIEF_PUBLIC_BASE_URL (debrief.public-base-url) '" + value
                + "' is not a base URL: " + why);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** {@code scheme://host[:port]} of the configured URL, as browsers send it in {@code Origin}. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** The configured URL without a trailing slash: a path of the service goes after it. */
    public Optional<String> base() {
        return Optional.ofNullable(base);
    }
}
