package com.example.compliance.ticket;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ForbiddenException;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.security.UserService;
import com.example.compliance.jira.JiraMetadata;
import com.example.compliance.ticket.internal.BulkUpdateJobs;
import com.example.compliance.ticket.internal.BulkUpdateOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Assign, transition or comment many tickets at once, as a persisted background job with an outcome per ticket. The
 * tickets may span projects and sites; each is changed through its owner's Jira grant (an admin acting on other
 * people's tickets uses their grants, and the audit trail says so). Validated against Jira before anything is stored:
 * a ticket the caller may not act on refuses the whole request (403), an unknown assignee or an unreachable status
 * names the tickets (422). Holds no transaction across a Jira call.
 */
@Service
public class TicketBulkUpdateService {

    public static final int MAX_TICKETS = 10_000;
    public static final int MAX_COMMENT = 5_000;

    private final UserService users;
    private final BulkUpdateJobs jobs;
    private final ActivityService activity;
    private final BulkUpdateOptions options;

    TicketBulkUpdateService(UserService users, BulkUpdateJobs jobs, ActivityService activity, BulkUpdateOptions options) {
        this.users = users;
        this.jobs = jobs;
        this.activity = activity;
        this.options = options;
    }

    /** The people assignable in every project of these tickets (Jira's assignable user search, live). */
    @PreAuthorize("isAuthenticated()")
    public List<JiraMetadata.User> assignableUsers(List<UUID> ticketIds, String query) {
        return options.assignableUsers(actOn(ticketIds), query);
    }

    /** The statuses Jira's transitions reach from these tickets, by how many tickets reach each. */
    @PreAuthorize("isAuthenticated()")
    public List<TransitionChoice> transitions(List<UUID> ticketIds) {
        return options.transitions(actOn(ticketIds));
    }

    /** The tickets the caller may act on (own ones; admins: all); the others are refused as in {@link #start}. */
    private List<UUID> actOn(List<UUID> ticketIds) {
        var caller = users.currentUser();
        var others = jobs.tickets(ticketIds).stream().filter(t -> !caller.isAdmin() && !t.ownerId().equals(caller.id())).toList();
        if (!others.isEmpty()) {
            throw new ForbiddenException("You may act only on your own tickets; " + keys(others) + " belong to other users.");
        }
        return ticketIds;
    }

    @PreAuthorize("isAuthenticated()")
    public BulkJobStarted start(BulkUpdateRequest request) {
        var caller = users.currentUser();
        List<UUID> ids = validate(request);
        var selection = jobs.select(ids);
        var tickets = selection.targets();
        if (tickets.size() != ids.size()) {
            var known = tickets.stream().map(BulkUpdateJobs.Target::id).toList();
            throw new NotFoundException("No ticket with id " + ids.stream().filter(id -> !known.contains(id)).limit(5).toList() + ".");
        }
        var others = tickets.stream().filter(t -> !caller.isAdmin() && !t.ownerId().equals(caller.id())).toList();
        if (!others.isEmpty()) {
            throw new ForbiddenException("You may act only on your own tickets; " + keys(others)
                    + " belong to other users. Nothing was sent.");
        }
        var notInJira = tickets.stream().filter(t -> !t.inJira()).toList();
        if (!notInJira.isEmpty()) {
            throw new UnprocessableException("These tickets are not (or no longer) in Jira: " + keys(notInJira)
                    + ". Leave them out and try again; nothing was sent.", List.of());
        }
        var started = jobs.start(caller.id(), request, selection);
        if (!started.alreadyRunning()) {
            var owners = tickets.stream().map(BulkUpdateJobs.Target::ownerName).filter(n -> !n.equals(caller.username()))
                    .distinct().sorted().toList();
            activity.recordInNewTransaction(ActivityEntry.success(caller.username(), ActivityAction.BULK_STARTED, "job",
                    started.jobId().toString(), ids.size() + " tickets: " + started.description()
                            + (owners.isEmpty() ? "" : " (through the Jira grants of their owners " + String.join(", ", owners) + ")")));
            jobs.schedule(started.jobId());
        }
        return new BulkJobStarted(started.jobId(), ids.size());
    }

    private static List<UUID> validate(BulkUpdateRequest request) {
        if (request.ticketIds() == null || request.ticketIds().isEmpty()) {
            throw new InvalidInputException(new InputError("ticket_ids", "name at least one ticket"));
        }
        if (request.ticketIds().stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(new InputError("ticket_ids", "must not contain null"));
        }
        var unique = List.copyOf(new LinkedHashSet<>(request.ticketIds()));
        if (unique.size() > MAX_TICKETS) {
            throw new InvalidInputException(new InputError("ticket_ids", "at most " + MAX_TICKETS + " per request"));
        }
        boolean transition = request.transition() != null;
        boolean comment = request.comment() != null;
        if (!request.changeAssignee() && !transition && !comment) {
            throw new InvalidInputException(new InputError("assignee", "give assignee, transition or comment (or several)"));
        }
        if (request.changeAssignee() && request.assignee() != null && request.assignee().isBlank()) {
            throw new InvalidInputException(new InputError("assignee", "name a person, or null to unassign"));
        }
        if (transition && request.transition().isBlank()) {
            throw new InvalidInputException(new InputError("transition", "name the target status"));
        }
        if (comment && (request.comment().isBlank() || request.comment().length() > MAX_COMMENT)) {
            throw new InvalidInputException(new InputError("comment", "must be 1 to " + MAX_COMMENT + " characters"));
        }
        return unique;
    }

    private static String keys(List<BulkUpdateJobs.Target> tickets) {
        String keys = String.join(", ", tickets.stream().map(BulkUpdateJobs.Target::key).limit(20).toList());
        return tickets.size() > 20 ? keys + " and " + (tickets.size() - 20) + " more" : keys;
    }
}
