package dev.debrief.adapter.rest.shared;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code POST}s of a resource take an optional {@code Idempotency-Key} (see {@link IdempotentPostInterceptor}).
 * Not on creating a workspace (a key is scoped to a workspace) or an API key (its secret is shown once
 * and never stored, so its answer can't be replayed).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotentPosts {
}
