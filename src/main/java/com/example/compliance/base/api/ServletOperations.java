package com.example.compliance.base.api;

import io.swagger.v3.oas.models.OpenAPI;

/**
 * Operations a feature serves outside Spring MVC (a plain servlet), which springdoc cannot see: the feature describes
 * them here, and the OpenAPI document adds them before its shared rules (who may call, problem answers) apply.
 */
@FunctionalInterface
public interface ServletOperations {

    void describe(OpenAPI openApi);
}
