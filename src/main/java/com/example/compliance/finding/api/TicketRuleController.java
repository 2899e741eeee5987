package com.example.compliance.finding.api;

import com.example.compliance.base.NotFoundException;
import com.example.compliance.finding.TicketRuleDetails;
import com.example.compliance.finding.TicketRuleRequest;
import com.example.compliance.finding.TicketRuleService;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseId}/ticket-rule")
class TicketRuleController {

    private final TicketRuleService rules;

    TicketRuleController(TicketRuleService rules) {
        this.rules = rules;
    }

    @GetMapping
    TicketRuleDetails get(@PathVariable UUID caseId) {
        return rules.find(caseId).orElseThrow(() -> new NotFoundException("The case has no ticket rule."));
    }

    @PutMapping
    TicketRuleDetails set(@PathVariable UUID caseId, @Valid @RequestBody TicketRuleRequest request) {
        return rules.set(caseId, request);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID caseId) {
        rules.delete(caseId);
    }
}
