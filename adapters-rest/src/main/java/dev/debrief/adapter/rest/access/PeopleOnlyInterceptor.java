package dev.debrief.adapter.rest.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses API keys (403) on operations for people, before Bean Validation looks at the body. */
@PeopleOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class PeopleOnlyInterceptor {

    @Inject
    Callers callers;

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        callers.person();
        return context.proceed();
    }
}
