package com.example.compliance.activity;

import com.example.compliance.activity.internal.ActivityBatchWriter;
import com.example.compliance.activity.internal.ActivityCsv;
import com.example.compliance.activity.internal.ActivityEvent;
import com.example.compliance.activity.internal.ActivityEventRepository;
import com.example.compliance.activity.internal.ActivitySearch;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.MDC;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: an append-only log of who did what, for admins to review. Any feature records into it; only admins
 * read it. There is deliberately no method to change or delete an event.
 *
 * <p>Role names are literals ("ADMIN") because this feature must not import {@code security}: security itself records
 * user-administration events here.
 */
@Service
public class ActivityService {

    public static final int MAX_PAGE_SIZE = 500;
    /** The logging context key under which the request log puts each request's correlation id. */
    public static final String REQUEST_ID = com.example.compliance.base.api.ProblemResponse.REQUEST_ID;
    static final int EXPORT_PAGE_SIZE = 500;

    private final ActivityEventRepository events;
    private final ActivitySearch search;
    private final ActivityBatchWriter batch;
    private final Clock clock;

    ActivityService(ActivityEventRepository events, ActivitySearch search, ActivityBatchWriter batch, Clock clock) {
        this.events = events;
        this.search = search;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Appends an event in the caller's transaction, so it is stored exactly when the action it describes commits.
     * Open to every caller, including background jobs without a signed-in user: recording is not a privilege, and the
     * actor is whatever the calling code states. Over-long values are truncated to fit; a blank actor becomes
     * {@code system}. <strong>Never pass secrets</strong> (tokens, passwords, authorization codes) in any field.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.REQUIRED)
    public ActivityRow record(ActivityEntry entry) {
        return append(entry);
    }

    /**
     * Appends many events in the caller's transaction, in batches (an import that changes thousands of violations'
     * statuses records one event per violation). The same rules as {@link #record}.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<ActivityEntry> entries) {
        batch.insert(entries.stream().map(this::toEvent).toList());
    }

    /**
     * Appends an event in its own transaction, which commits even when the caller's transaction rolls back: use it for
     * failures ({@link ActivityOutcome#FAILURE}) that must stay on record. The same rules as {@link #record}: open to
     * every caller, truncated to fit, <strong>never secrets</strong>.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ActivityRow recordInNewTransaction(ActivityEntry entry) {
        return append(entry);
    }

    /** One page of events, newest first; the pageable's sort is ignored. */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<ActivityRow> find(ActivityFilter filter, Pageable pageable) {
        return search.page(Objects.requireNonNull(filter), pageable.getOffset(), pageable.getPageSize());
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public long count(ActivityFilter filter) {
        return search.count(Objects.requireNonNull(filter));
    }

    /**
     * The newest 50 events about one target, e.g. {@code violation} + its id or {@code issue} + its key, for the page
     * that shows that target. Analysts may read these: they concern the violations they work on.
     */
    @RolesAllowed({"ANALYST", "ADMIN"})
    @Transactional(readOnly = true)
    public List<ActivityRow> findAbout(String targetType, String target) {
        return events.findTop50ByTargetTypeAndTargetOrderByOccurredAtDescIdDesc(targetType, target).stream()
                .map(e -> new ActivityRow(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(),
                        e.getTarget(), e.getJiraSite(), e.getOutcome(), e.getDetail(), e.getRequestId(), e.getTargetName()))
                .toList();
    }

    /**
     * Writes every matching event as CSV (header row, newest first), reading {@value #EXPORT_PAGE_SIZE} rows at a time
     * so memory stays flat however long the trail is. The writer is flushed, not closed.
     */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public long exportCsv(ActivityFilter filter, Writer out) {
        Objects.requireNonNull(filter);
        long written = 0;
        try {
            ActivityCsv.writeHeader(out);
            ActivityRow last = null;
            List<ActivityRow> page;
            do {
                page = search.pageAfter(filter, last, EXPORT_PAGE_SIZE);
                for (ActivityRow row : page) {
                    ActivityCsv.writeRow(out, row);
                    last = row;
                    written++;
                }
                out.flush();
            } while (page.size() == EXPORT_PAGE_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private ActivityRow append(ActivityEntry entry) {
        var saved = events.save(toEvent(entry));
        return new ActivityRow(saved.getId(), saved.getOccurredAt(), saved.getActor(), saved.getAction(),
                saved.getTargetType(), saved.getTarget(), saved.getJiraSite(), saved.getOutcome(), saved.getDetail(),
                saved.getRequestId(), saved.getTargetName());
    }

    private ActivityEvent toEvent(ActivityEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.action(), "action");
        return new ActivityEvent(clock.instant(),
                fit(entry.actor() == null || entry.actor().isBlank() ? ActivityEntry.SYSTEM : entry.actor().strip(),
                        ActivityEvent.ACTOR_LENGTH),
                entry.action(),
                fit(entry.targetType() == null || entry.targetType().isBlank() ? "none" : entry.targetType(),
                        ActivityEvent.TARGET_TYPE_LENGTH),
                fit(entry.target() == null ? "" : entry.target(), ActivityEvent.TARGET_LENGTH),
                fit(entry.jiraSite(), ActivityEvent.JIRA_SITE_LENGTH),
                entry.outcome() == null ? ActivityOutcome.SUCCESS : entry.outcome(),
                fit(entry.detail(), ActivityEntry.MAX_DETAIL))
                .causedBy(fit(MDC.get(REQUEST_ID), 64))
                .named(fit(entry.targetName(), ActivityEvent.TARGET_LENGTH));
    }

    private static String fit(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return value.substring(0, end) + "…";
    }
}
