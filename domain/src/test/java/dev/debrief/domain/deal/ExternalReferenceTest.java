package dev.debrief.domain.deal;

import org.junit.jupiter.api.Test;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ExternalReferenceTest {

    @Test
    void acceptsAValidReference() {
        ExternalReference reference = new ExternalReference("hub-spot.v2_eu", "006Dn00000A1b2C");

        assertThat(reference.source()).isEqualTo("hub-spot.v2_eu");
        assertThat(reference.externalId()).isEqualTo("006Dn00000A1b2C");
    }

    @Test
    void acceptsLimitLengths() {
        new ExternalReference("s".repeat(50), "i".repeat(200));
    }

    @Test
    void rejectsAnInvalidSource() {
        for (String source : new String[] {null, "", "Salesforce", "-crm", ".crm", "sales force", "s".repeat(51)}) {
            assertViolation("deal.external-source-invalid", "externalReference.source",
                    () -> new ExternalReference(source, "42"));
        }
    }

    @Test
    void rejectsAnInvalidExternalId() {
        for (String externalId : new String[] {null, "", "   ", "i".repeat(201)}) {
            assertViolation("deal.external-id-invalid", "externalReference.externalId",
                    () -> new ExternalReference("salesforce", externalId));
        }
    }
}
