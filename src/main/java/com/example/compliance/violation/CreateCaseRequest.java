package com.example.compliance.violation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A new audit case, or the new values of an existing one; {@code owner} defaults to the caller when creating. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateCaseRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 50) String framework,
        @Size(max = 4000) String description,
        @Size(max = 100) String owner) {

    public CreateCaseRequest(String name, String framework, String description) {
        this(name, framework, description, null);
    }
}
