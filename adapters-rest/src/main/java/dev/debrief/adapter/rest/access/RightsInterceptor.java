package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.access.ResolveAccessUseCase;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;

import java.lang.annotation.Annotation;

/**
 * Resolves the caller's access to the path's workspace (404 when they have none: no existence
 * leak), then checks the operation's right (403). Runs before Bean Validation of the body.
 */
@Requires(dev.debrief.domain.access.Right.READ)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RightsInterceptor {

    @Inject
    Callers callers;

    @Inject
    ResolveAccessUseCase resolve;

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        Requires requires = context.getMethod().getAnnotation(Requires.class);
        if (requires == null) {
            requires = context.getMethod().getDeclaringClass().getAnnotation(Requires.class);
        }
        String workspaceId = workspaceId(context);
        callers.access(resolve.resolve(callers.principal(), PathIds.workspace(workspaceId)).require(requires.value()));
        return context.proceed();
    }

    private static String workspaceId(InvocationContext context) {
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof PathParam path && "workspaceId".equals(path.value())) {
                    return (String) context.getParameters()[i];
                }
            }
        }
        throw new IllegalStateException(context.getMethod() + " has @Requires but no workspaceId path parameter");
    }
}
