package com.example.compliance.ticket.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.ticket.BulkJobStarted;
import com.example.compliance.ticket.BulkUpdateRequest;
import com.example.compliance.ticket.TicketBulkUpdateService;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Assign, transition or comment many tickets at once: 202 with the job, read at {@code GET /api/jira/jobs/{id}}. */
@RestController
@RequestMapping("/api/jira")
class TicketBulkUpdateController {

    /** {@code assignee}: absent changes nothing, JSON null unassigns, a string names the person. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Body(List<UUID> ticketIds, JsonNode assignee, String transition, String comment) {}

    private final TicketBulkUpdateService updates;

    TicketBulkUpdateController(TicketBulkUpdateService updates) {
        this.updates = updates;
    }

    @ApiResponse(responseCode = "202", description = "The job, read at `GET /api/jira/jobs/{job_id}`", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "An assignee or status the tickets' projects do not offer; nothing was sent")
    @PostMapping("/tickets/bulk-update")
    ResponseEntity<BulkJobStarted> bulkUpdate(@RequestBody Body body) {
        boolean changeAssignee = body.assignee() != null && !body.assignee().isMissingNode();
        if (changeAssignee && !body.assignee().isNull() && !body.assignee().isString()) {
            throw new InvalidInputException(new InputError("assignee", "must be an account id, e-mail address or name, or null"));
        }
        String assignee = changeAssignee && !body.assignee().isNull() ? body.assignee().asString() : null;
        var started = updates.start(new BulkUpdateRequest(body.ticketIds(), changeAssignee, assignee, body.transition(),
                body.comment()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/jira/jobs/" + started.jobId())).body(started);
    }
}
