package org.dyad.gateway.security;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks public resources whose calls count against the caller's token bucket. The check runs when the method is
 * invoked, so after the token and the role were checked: the bucket belongs to a verified client, never to
 * whatever a forged token claims.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
}
