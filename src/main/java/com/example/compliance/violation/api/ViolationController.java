package com.example.compliance.violation.api;

import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/violations")
class ViolationController {

    private final ViolationService violations;

    ViolationController(ViolationService violations) {
        this.violations = violations;
    }

    @GetMapping("/{id}")
    ViolationDetails get(@PathVariable UUID id) {
        return violations.get(id);
    }
}
