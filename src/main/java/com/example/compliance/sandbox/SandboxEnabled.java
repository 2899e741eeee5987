package com.example.compliance.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Sandbox mode as {@link SandboxMode} decides it (asked for, no real client id, and allowed where it runs). Every bean
 * of the sandbox carries this, so otherwise none of its controllers exist (component scanning alone would register them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SandboxEnabled.OnSandbox.class)
public @interface SandboxEnabled {

    class OnSandbox implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return SandboxMode.of(context.getEnvironment()).on();
        }
    }
}
