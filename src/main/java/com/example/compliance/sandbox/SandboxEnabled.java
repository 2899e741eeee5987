package com.example.compliance.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Sandbox mode: no real Atlassian client id is configured. Every bean of the sandbox carries this, so with a client id
 * none of its controllers exist (component scanning alone would otherwise register them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${app.jira.client-id:}'.isBlank()")
public @interface SandboxEnabled {}
