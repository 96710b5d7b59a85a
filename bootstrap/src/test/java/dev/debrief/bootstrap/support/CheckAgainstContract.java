package dev.debrief.bootstrap.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Before every {@code @QuarkusTest} method, puts a {@link ContractValidation} for that test among
 * REST Assured's filters, so that every call the test makes is checked against the contract; requests
 * too, unless the method or its class is marked {@link SendsInvalidInput}.
 */
public class CheckAgainstContract implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Class<?> testClass = context.getTestInstance().getClass();
        String test = testClass.getSimpleName() + "#" + context.getTestMethod().getName();
        boolean invalidOnPurpose = sendsInvalidInput(context.getTestMethod());
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            invalidOnPurpose |= sendsInvalidInput(c);
        }
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(filter -> filter.getClass().getName().equals(ContractValidation.class.getName()));
        filters.add(ContractValidation.forTest(test, !invalidOnPurpose));
        RestAssured.replaceFiltersWith(filters);
    }

    /** By name: the test class may come from another class loader than this callback. */
    private static boolean sendsInvalidInput(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getName().equals(SendsInvalidInput.class.getName()));
    }
}
