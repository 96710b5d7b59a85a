package dev.debrief.domain.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Asserts that a call is rejected with a given error type, machine code and field path. */
public final class DomainAssertions {

    private DomainAssertions() {
    }

    public static <T extends DomainException> T assertRejected(Class<T> type, String code, String field,
                                                               ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s %s", type.getSimpleName(), code).isInstanceOf(type);
        T error = type.cast(thrown);
        assertThat(error.code()).as("code").isEqualTo(code);
        assertThat(error.field()).as("field").isEqualTo(field);
        return error;
    }

    /** A {@link RuleViolation} with this code, blaming this field (null for none). */
    public static RuleViolation assertViolation(String code, String field, ThrowingCallable call) {
        return assertRejected(RuleViolation.class, code, field, call);
    }

    /** A {@link ReferenceNotFound} blaming this field. */
    public static ReferenceNotFound assertUnknownReference(String field, ThrowingCallable call) {
        return assertRejected(ReferenceNotFound.class, ReferenceNotFound.CODE, field, call);
    }

    /** A {@link StateConflict} with this code. */
    public static StateConflict assertConflict(String code, ThrowingCallable call) {
        return assertRejected(StateConflict.class, code, null, call);
    }
}
