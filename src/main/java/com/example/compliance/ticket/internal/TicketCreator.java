package com.example.compliance.ticket.internal;

import com.example.compliance.base.ConflictException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.jira.JiraIssue;
import com.example.compliance.jira.JiraIssueService;
import com.example.compliance.jira.JiraParkedException;
import com.example.compliance.jira.JiraUnavailableException;
import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.violation.ViolationDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one create protocol, for a single violation (a list of one) and for each chunk of a bulk job: tickets exactly
 * once per violation and site.
 * <ol>
 *   <li>Reserve a PENDING ticket per violation (unique per violation and site) before Jira is called.</li>
 *   <li>A reservation an earlier attempt left (it may have reached Jira) is claimed and its issue looked up by
 *       correlation label; found, it is adopted.</li>
 *   <li>The rest are sent in one {@code issue/bulk} request; created issues are confirmed, refused ones released.</li>
 *   <li>A failure that may mean Jira created them (5xx, timeout) keeps the reservations (to be adopted by the next
 *       attempt); one that means it did not (a 429, a refusal) releases them.</li>
 * </ol>
 * Never holds a transaction across a Jira call: {@link TicketWriter}'s steps commit before and after.
 */
@Component
public class TicketCreator {

    /** How a violation came out. {@link Kind#retryLater()} kinds keep their job item pending. */
    public enum Kind {
        CREATED, ADOPTED, EXISTING, REFUSED,
        /** A live attempt elsewhere holds the reservation. */
        BUSY,
        /** Jira may have created it; the next attempt adopts it by label. */
        AMBIGUOUS,
        /** Jira asked the app to pause the site; nothing was sent. */
        PARKED;

        public boolean retryLater() {
            return this == BUSY || this == AMBIGUOUS || this == PARKED;
        }
    }

    /**
     * One violation's outcome; {@code ticket} is set for CREATED, ADOPTED and EXISTING, {@code problem} (with a message
     * for a person) for the others.
     */
    public record Outcome(Kind kind, Ticket ticket, RuntimeException problem) {
        static Outcome of(Kind kind, Ticket ticket) {
            return new Outcome(kind, ticket, null);
        }

        static Outcome failed(Kind kind, RuntimeException problem) {
            return new Outcome(kind, null, problem);
        }

        public String error() {
            return problem == null ? null : problem.getMessage();
        }

        /** When a parked outcome may be tried again. */
        public Instant resumeAt() {
            return problem instanceof JiraParkedException parked ? parked.resumeAt() : null;
        }
    }

    /** Where and how to create: the same for every violation of a request or job. */
    public record Target(UUID owner, String cloudId, String siteUrl, String siteName, String projectKey,
            CreateContext.Resolved resolved) {}

    private final JiraIssueService jira;
    private final TicketWriter writer;
    private final IssuePayloads payloads;

    TicketCreator(JiraIssueService jira, TicketWriter writer, IssuePayloads payloads) {
        this.jira = jira;
        this.writer = writer;
        this.payloads = payloads;
    }

    /** Creates the tickets of up to {@value JiraIssueService#BULK_CREATE_LIMIT} violations; an outcome for each. */
    public Map<UUID, Outcome> createAll(Target target, List<ViolationDetails> violations) {
        var outcomes = new LinkedHashMap<UUID, Outcome>();
        var byId = new LinkedHashMap<UUID, ViolationDetails>();
        violations.forEach(v -> byId.put(v.id(), v));
        var toSend = new ArrayList<TicketWriter.Reservation>();
        var toAdopt = new ArrayList<TicketWriter.Reservation>();
        for (var reservation : writer.reserveAll(violations, target.cloudId(), target.siteUrl(), target.owner(),
                target.projectKey())) {
            UUID violationId = reservation.ticket().getViolationId();
            if (reservation.alreadyCreated()) {
                outcomes.put(violationId, Outcome.of(Kind.EXISTING, reservation.ticket()));
            } else if (reservation.fresh()) {
                toSend.add(reservation);
            } else if (writer.claim(reservation.ticket().getId())) {
                toAdopt.add(reservation);
            } else {
                outcomes.put(violationId, Outcome.failed(Kind.BUSY, new ConflictException(
                        "A ticket for this violation is being created right now. Try again in a minute.")));
            }
        }
        try {
            toSend.addAll(adopt(target, toAdopt, outcomes));
        } catch (JiraUnavailableException e) {
            // The look-up is a safe read that the call policy already retried: leave them for the next attempt
            writer.endAttempt(toAdopt.stream().map(r -> r.ticket().getId()).toList());
            toAdopt.forEach(r -> outcomes.put(r.ticket().getViolationId(), Outcome.failed(Kind.AMBIGUOUS, e)));
        }
        send(target, byId, toSend, outcomes);
        return outcomes;
    }

    /** Adopts the issues an earlier attempt created (found by correlation label); returns the reservations not found. */
    private List<TicketWriter.Reservation> adopt(Target target, List<TicketWriter.Reservation> candidates,
            Map<UUID, Outcome> outcomes) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        var labels = candidates.stream().map(r -> r.ticket().getCorrelationLabel()).toList();
        List<JiraIssue> found = jira.findByLabels(target.owner(), target.cloudId(), labels);
        var remaining = new ArrayList<TicketWriter.Reservation>();
        var adopted = new ArrayList<TicketWriter.Confirmation>();
        for (var reservation : candidates) {
            Optional<JiraIssue> issue = found.stream()
                    .filter(i -> i.labels().contains(reservation.ticket().getCorrelationLabel())).findFirst();
            if (issue.isPresent()) {
                adopted.add(new TicketWriter.Confirmation(reservation.ticket().getId(), issue.get().id(), issue.get().key(),
                        issue.get().status(), StatusCategory.fromJiraKey(issue.get().statusCategoryKey())));
            } else {
                remaining.add(reservation);
            }
        }
        for (var ticket : writer.confirmAll(adopted, true, target.siteName())) {
            outcomes.put(ticket.getViolationId(), Outcome.of(Kind.ADOPTED, ticket));
        }
        return remaining;
    }

    private void send(Target target, Map<UUID, ViolationDetails> byId, List<TicketWriter.Reservation> reservations,
            Map<UUID, Outcome> outcomes) {
        if (reservations.isEmpty()) {
            return;
        }
        var ids = reservations.stream().map(r -> r.ticket().getId()).toList();
        var fields = reservations.stream().map(r -> {
            var v = byId.get(r.ticket().getViolationId());
            return payloads.fields(v, target.resolved().optionsFor(v));
        }).toList();
        JiraIssueService.BulkCreated result;
        try {
            result = jira.createIssues(target.owner(), target.cloudId(), fields);
        } catch (UnprocessableException refused) {
            writer.releaseAll(ids);
            reservations.forEach(r -> outcomes.put(r.ticket().getViolationId(), Outcome.failed(Kind.REFUSED, refused)));
            return;
        } catch (JiraUnavailableException e) {
            if (e.ambiguous()) {
                writer.endAttempt(ids);
            } else {
                writer.releaseAll(ids);
            }
            Kind kind = e instanceof JiraParkedException ? Kind.PARKED : e.ambiguous() ? Kind.AMBIGUOUS : Kind.REFUSED;
            reservations.forEach(r -> outcomes.put(r.ticket().getViolationId(), Outcome.failed(kind, e)));
            return;
        } catch (RuntimeException unexpected) {
            // Not knowing what Jira did, keep the reservations: the next attempt adopts or sends them
            writer.endAttempt(ids);
            throw unexpected;
        }
        var created = result.issues().iterator();
        var confirmations = new ArrayList<TicketWriter.Confirmation>();
        var refused = new ArrayList<UUID>();
        for (int i = 0; i < reservations.size(); i++) {
            var reservation = reservations.get(i);
            if (result.failures().containsKey(i) || !created.hasNext()) {
                refused.add(reservation.ticket().getId());
                outcomes.put(reservation.ticket().getViolationId(), Outcome.failed(Kind.REFUSED,
                        result.failures().getOrDefault(i, new UnprocessableException("Jira did not create this issue.",
                                List.of()))));
            } else {
                var issue = created.next();
                confirmations.add(new TicketWriter.Confirmation(reservation.ticket().getId(), issue.id(), issue.key(),
                        "To Do", StatusCategory.TO_DO, target.resolved().assigneeName()));
            }
        }
        for (var ticket : writer.confirmAll(confirmations, false, target.siteName())) {
            outcomes.put(ticket.getViolationId(), Outcome.of(Kind.CREATED, ticket));
        }
        writer.releaseAll(refused);
    }
}
