package dev.debrief.adapter.rest.access;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation only people may call (API keys get 403), checked before the body is validated.
 * Declare it in the contract with {@code @Extension(name = "x-right", value = "PERSON")}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PeopleOnly {
}
