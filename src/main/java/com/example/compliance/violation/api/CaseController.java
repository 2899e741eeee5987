package com.example.compliance.violation.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.CreateViolationRequest;
import com.example.compliance.violation.PageResult;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final AuditCaseService cases;
    private final ViolationService violations;

    CaseController(AuditCaseService cases, ViolationService violations) {
        this.cases = cases;
        this.violations = violations;
    }

    @ApiResponse(responseCode = "201", description = "The new case", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The owner is not an active user; `errors` names the field `owner`")
    @PostMapping
    ResponseEntity<CaseDetails> create(@Valid @RequestBody CreateCaseRequest request) {
        var created = cases.create(request);
        return ResponseEntity.created(URI.create("/api/cases/" + created.id())).body(created);
    }

    @GetMapping
    List<CaseDetails> list(@RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
        return cases.findAll(includeArchived);
    }

    @ApiResponse(responseCode = "200", description = "The case as saved", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "A new owner is not an active user (an unchanged owner from before owners were users is kept); `errors` names the field `owner`")
    @PutMapping("/{id}")
    CaseDetails update(@PathVariable UUID id, @Valid @RequestBody CreateCaseRequest request) {
        return cases.update(id, request);
    }

    @PostMapping("/{id}/archive")
    CaseDetails archive(@PathVariable UUID id) {
        return cases.archive(id);
    }

    @PostMapping("/{id}/restore")
    CaseDetails restore(@PathVariable UUID id) {
        return cases.restore(id);
    }

    @GetMapping("/{id}")
    CaseDetails get(@PathVariable UUID id) {
        return cases.get(id);
    }

    @ApiResponse(responseCode = "201", description = "The new violations, in the order given", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The case is archived: restore it first; nothing was stored")
    @PostMapping("/{id}/violations")
    @ResponseStatus(HttpStatus.CREATED)
    List<ViolationDetails> addViolations(@PathVariable UUID id, @RequestBody List<CreateViolationRequest> requests) {
        return violations.addToCase(id, requests);
    }

    @GetMapping("/{id}/violations")
    PageResult<ViolationDetails> violations(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return violations.findByCase(id, page, size);
    }
}
