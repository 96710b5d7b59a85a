package dev.debrief.bootstrap.limits;

import dev.debrief.adapter.rest.shared.SecretRedaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the access log never keeps. */
class SecretRedactionTest {

    @Test
    void redactsCredentialNamedQueryParametersWhateverTheirValue() {
        assertThat(SecretRedaction.redact("GET /api/v1/me?API_KEY=abc&limit=3&access_token=x.y.z&Password=p HTTP/1.1"))
                .isEqualTo("GET /api/v1/me?API_KEY=[redacted]&limit=3&access_token=[redacted]&Password=[redacted] HTTP/1.1");
    }

    @Test
    void redactsKeyAndTokenShapedValuesAnywhere() {
        assertThat(SecretRedaction.redact("/deals/dbk_abcdefgh_s3cr3t-x?q=dbk%5Fabcdefgh%5Fs3cr3t&c=eyJhbGciOi.eyJzdWIi.c2ln"))
                .isEqualTo("/deals/dbk_[redacted]?q=dbk_[redacted]&c=[redacted]");
    }

    @Test
    void leavesEverythingElseAlone() {
        String line = "127.0.0.1 \"GET /api/v1/workspaces/0192f0c4/deals?cursor=eyJpZCI6IjEifQ&keyword=x HTTP/1.1\" 200 12 3ms req=abc";
        assertThat(SecretRedaction.redact(line)).isEqualTo(line);
    }
}
