package dev.debrief.bootstrap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test (a method, or every method of a class) sends requests the contract does not allow, on
 * purpose: {@link ContractValidation} then checks only the responses, never the requests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SendsInvalidInput {
}
