package com.example.compliance.violation.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.violation.BulkStatusRequest;
import com.example.compliance.violation.BulkStatusResult;
import com.example.compliance.violation.ChangeStatusRequest;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import com.example.compliance.violation.ViolationStatusService;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/violations")
class ViolationController {

    private final ViolationService violations;
    private final ViolationStatusService statuses;

    ViolationController(ViolationService violations, ViolationStatusService statuses) {
        this.violations = violations;
        this.statuses = statuses;
    }

    @GetMapping("/{id}")
    ViolationDetails get(@PathVariable UUID id) {
        return violations.get(id);
    }

    @ApiResponse(responseCode = "200", description = "The violation", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The state machine forbids this change")
    @ApiResponse(responseCode = "422", description = "A justification or a future `accepted_until` is missing")
    @PatchMapping("/{id}")
    ViolationDetails changeStatus(@PathVariable UUID id, @RequestBody ChangeStatusRequest request) {
        return statuses.changeStatus(id, request);
    }

    @ApiResponse(responseCode = "202", description = "Changed; the Jira side follows in the background", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "An id is unknown; nothing changed")
    @ApiResponse(responseCode = "409", description = "A change the state machine forbids; nothing changed")
    @ApiResponse(responseCode = "422", description = "A justification or a future `accepted_until` is missing")
    @PostMapping("/status")
    ResponseEntity<BulkStatusResult> changeStatuses(@RequestBody BulkStatusRequest request) {
        var result = statuses.changeStatuses(request);
        return ResponseEntity.accepted().header("Location", result.jobUrl()).body(result);
    }
}
