package com.example.compliance.sla.api;

import com.example.compliance.sla.SlaPolicy;
import com.example.compliance.sla.SlaService;
import com.example.compliance.sla.internal.SlaPolicyJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The SLA policy: admins read and replace it under /api/admin; everyone signed in may read it. */
@RestController
class SlaController {

    private final SlaService sla;

    SlaController(SlaService sla) {
        this.sla = sla;
    }

    @GetMapping({"/api/admin/sla", "/api/sla"})
    SlaPolicy get() {
        return sla.getPolicy();
    }

    /** Replaces the whole policy: severities left out of {@code default} have no deadline afterwards. */
    @PutMapping("/api/admin/sla")
    SlaPolicy put(@RequestBody JsonNode body) {
        return sla.updatePolicy(SlaPolicyJson.parse(body));
    }
}
