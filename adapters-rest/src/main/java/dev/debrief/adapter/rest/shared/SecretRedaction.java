package dev.debrief.adapter.rest.shared;

import java.util.regex.Pattern;

/**
 * Replaces what looks like a credential in a URL or header text by {@code [redacted]}: the values of query
 * parameters named like credentials ({@code api_key}, {@code access_token}, {@code token}, {@code secret},
 * {@code password}…), anything shaped like a Debrief API key ({@code dbk_…}, also with {@code _} percent-encoded)
 * wherever it stands, and anything shaped like a JWT ({@code eyJ….….…}).
 */
public final class SecretRedaction {

    public static final String REDACTED = "[redacted]";

    private static final Pattern NAMED = Pattern.compile(
            "(?i)([?&;](?:api[_-]?key|x-api-key|access[_-]?token|id[_-]?token|refresh[_-]?token|token|jwt|bearer"
                    + "|auth|authorization|secret|client[_-]?secret|password|passwd|pwd|key)=)[^&;#\\s\"]*");
    private static final Pattern API_KEY = Pattern.compile("(?i)dbk(?:_|%5f)[A-Za-z0-9_%-]*");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private SecretRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = NAMED.matcher(text).replaceAll("$1" + REDACTED);
        redacted = API_KEY.matcher(redacted).replaceAll("dbk_" + REDACTED);
        return JWT.matcher(redacted).replaceAll(REDACTED);
    }
}
