package com.example.compliance.admin.api;

import com.example.compliance.ticket.FieldMapping;
import com.example.compliance.ticket.FieldMappingService;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom field mappings of a Jira site, project and issue type (name or id), for admins. PUT replaces the whole list;
 * a mapping that cannot convert is refused with 422 and nothing is saved.
 */
@RestController
@Validated
@RequestMapping("/api/admin/field-mappings/{cloudId}/{projectKey}/{issueType}")
class AdminFieldMappingController {

    private final FieldMappingService mappings;

    AdminFieldMappingController(FieldMappingService mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    List<FieldMapping> get(@PathVariable String cloudId, @PathVariable String projectKey, @PathVariable String issueType) {
        return mappings.get(cloudId, projectKey, issueType);
    }

    @ApiResponse(responseCode = "200", description = "The saved mappings", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "Refused as a whole, nothing saved: a field is not on the project's "
            + "create screen or a value cannot convert to the field's type; `errors` names each")
    @PutMapping
    List<FieldMapping> put(@PathVariable String cloudId, @PathVariable String projectKey, @PathVariable String issueType,
            @RequestBody @Size(max = 200) List<@Valid FieldMapping> body) {
        return mappings.replace(cloudId, projectKey, issueType, body);
    }
}
