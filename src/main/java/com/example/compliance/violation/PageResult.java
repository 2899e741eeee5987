package com.example.compliance.violation;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A page of results as the REST API returns it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PageResult<T>(List<T> items, int page, int size, long totalElements, int totalPages) {}
