package com.example.compliance.ticket.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.ticket.BulkCreateRequest;
import com.example.compliance.ticket.BulkJobDetails;
import com.example.compliance.ticket.BulkJobStarted;
import com.example.compliance.ticket.CreateTicketRequest;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketFilter;
import com.example.compliance.ticket.TicketJobService;
import com.example.compliance.ticket.TicketService;
import com.example.compliance.ticket.TicketSyncService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/jira")
class TicketController {

    private final TicketService tickets;
    private final TicketJobService jobs;
    private final TicketSyncService sync;

    TicketController(TicketService tickets, TicketJobService jobs, TicketSyncService sync) {
        this.tickets = tickets;
        this.jobs = jobs;
        this.sync = sync;
    }

    /** 201 with the new ticket, or 200 with the existing one (Jira is then not called). */
    @ApiResponse(responseCode = "201", description = "The ticket, created in Jira", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The violation's existing ticket (Jira was not called)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such violation")
    @ApiResponse(responseCode = "422", description = "Jira refused a field; `errors` names it")
    @PostMapping("/tickets")
    ResponseEntity<TicketDetails> create(@Valid @RequestBody CreateTicketRequest request) {
        var result = tickets.create(request);
        if (!result.created()) {
            return ResponseEntity.ok(result.ticket());
        }
        return ResponseEntity.created(URI.create("/api/jira/tickets/" + result.ticket().id())).body(result.ticket());
    }

    @ApiResponse(responseCode = "202", description = "The job (the running one, when the identical request runs already)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "A violation id is unknown; no job was started")
    @ApiResponse(responseCode = "422", description = "A required field is missing; `errors` names it")
    @PostMapping("/tickets/bulk-create")
    ResponseEntity<BulkJobStarted> bulkCreate(@Valid @RequestBody BulkCreateRequest request) {
        var started = jobs.start(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/jira/jobs/" + started.jobId())).body(started);
    }

    @GetMapping("/jobs/{jobId}")
    BulkJobDetails job(@PathVariable UUID jobId) {
        return jobs.get(jobId);
    }

    @ApiResponse(responseCode = "202", description = "The job, re-sending its failed items", useReturnTypeSchema = true)
    @PostMapping("/jobs/{jobId}/retry")
    ResponseEntity<BulkJobDetails> retry(@PathVariable UUID jobId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.retryFailed(jobId));
    }

    @GetMapping("/tickets")
    List<TicketDetails> list(@RequestParam(name = "case_id", required = false) UUID caseId,
            @RequestParam(name = "violation_id", required = false) UUID violationId,
            @RequestParam(name = "status_category", required = false) StatusCategory statusCategory,
            @RequestParam(name = "project_key", required = false) String projectKey) {
        return tickets.find(new TicketFilter(caseId, violationId, statusCategory, projectKey));
    }

    /** The case's Epics (one per site and project) that {@code group_under_epic} created. */
    @GetMapping("/cases/{caseId}/epics")
    List<com.example.compliance.ticket.CaseEpicDetails> epics(@PathVariable UUID caseId) {
        return tickets.epicsOf(caseId);
    }

    @GetMapping("/tickets/{id}")
    TicketDetails get(@PathVariable UUID id) {
        return tickets.get(id);
    }

    @PostMapping("/tickets/{id}/sync")
    TicketDetails syncOne(@PathVariable UUID id) {
        return tickets.sync(id);
    }

    /** Syncs all of the caller's tickets now. */
    @PostMapping("/tickets/sync")
    TicketSyncService.SyncResult syncMine() {
        return sync.syncMine();
    }
}
