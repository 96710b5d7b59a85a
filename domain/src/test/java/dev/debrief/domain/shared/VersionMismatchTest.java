package dev.debrief.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionMismatchTest {

    @Test
    void theCurrentVersionMatches() {
        assertThatCode(() -> VersionMismatch.require(3, 3)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherVersionIsAMismatch() {
        assertThatThrownBy(() -> VersionMismatch.require(2, 3)).isInstanceOf(VersionMismatch.class)
                .hasMessageContaining("version 2").hasMessageContaining("version 3");
        assertThatThrownBy(() -> VersionMismatch.require(-1, 0)).isInstanceOf(VersionMismatch.class);
    }

    @Test
    void anyVersionMatchesWhateverIsCurrent() {
        assertThatCode(() -> VersionMismatch.require(VersionMismatch.ANY, 0)).doesNotThrowAnyException();
        assertThatCode(() -> VersionMismatch.require(VersionMismatch.ANY, 41)).doesNotThrowAnyException();
    }
}
