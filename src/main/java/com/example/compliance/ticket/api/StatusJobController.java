package com.example.compliance.ticket.api;

import com.example.compliance.ticket.StatusJobDetails;
import com.example.compliance.ticket.TicketStatusJobService;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatusJobController {

    private final TicketStatusJobService jobs;

    StatusJobController(TicketStatusJobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/jira/status-jobs/{jobId}")
    StatusJobDetails get(@PathVariable UUID jobId) {
        return jobs.get(jobId);
    }
}
