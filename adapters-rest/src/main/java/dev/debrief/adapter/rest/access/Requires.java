package dev.debrief.adapter.rest.access;

import dev.debrief.domain.access.Right;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right an operation on {@code /workspaces/{workspaceId}/…} needs. Checked before the body is
 * validated, so a caller without the right learns nothing from validation errors. Declare the same
 * right in the contract with {@code @Extension(name = "x-right", value = "…")}; the matrix test
 * holds the two together.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

    @Nonbinding
    Right value();
}
