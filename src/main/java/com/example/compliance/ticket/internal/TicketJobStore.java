package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.BulkJobDetails;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk jobs in the database: create with all items PENDING, read with counts, reset failed items for a retry. Items
 * of a creation are violations ({@code ticket_job_item}); items of an update are tickets ({@code ticket_job_ticket}).
 */
@Component
public class TicketJobStore {

    private final TicketJobRepository jobs;
    private final TicketJobItemRepository items;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EntityManager em;
    private final JdbcTemplate jdbc;

    TicketJobStore(TicketJobRepository jobs, TicketJobItemRepository items, TransactionTemplate tx, Clock clock,
            EntityManager em, JdbcTemplate jdbc) {
        this.em = em;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.items = items;
        this.tx = tx;
        this.clock = clock;
    }

    /** The job a request started, or the one an identical request had started and that still runs. */
    public record Started(UUID jobId, boolean alreadyRunning) {}

    /**
     * Stores a new RUNNING job with all its items PENDING, unless a job of the identical request ({@code fingerprint})
     * still runs: then that one is returned and nothing is stored. The unique key on the fingerprint decides between
     * two requests that arrive together, also on different instances.
     */
    public Started create(UUID userId, String cloudId, String projectKey, String issueType, String priority,
            String assigneeAccountId, String fieldsJson, List<UUID> violationIds, String fingerprint, boolean groupUnderEpic) {
        for (int attempt = 0; ; attempt++) {
            var running = tx.execute(s -> jobs.findByRunningRequest(fingerprint));
            if (running.isPresent()) {
                return new Started(running.get().getId(), true);
            }
            UUID id = UUID.randomUUID();
            try {
                tx.executeWithoutResult(s -> {
                    var job = new TicketJob(id, userId, cloudId, projectKey, issueType, priority, assigneeAccountId,
                            fieldsJson, violationIds.size(), clock.instant(), fingerprint);
                    if (groupUnderEpic) {
                        job.groupUnderEpic();
                    }
                    em.persist(job);
                    em.flush(); // the job row first: an identical request that won the race refuses it here
                    // One batched statement for the items (thousands for a whole case), not an entity each
                    var positions = new java.util.ArrayList<Integer>(violationIds.size());
                    for (int i = 0; i < violationIds.size(); i++) {
                        positions.add(i);
                    }
                    jdbc.batchUpdate("insert into ticket_job_item (job_id, violation_id, position, status) values (?, ?, ?, ?)",
                            positions, 1000, (ps, i) -> {
                                ps.setObject(1, id);
                                ps.setObject(2, violationIds.get(i));
                                ps.setInt(3, i);
                                ps.setString(4, JobItemStatus.PENDING.name());
                            });
                });
                return new Started(id, false);
            } catch (DataIntegrityViolationException identicalRequestWon) {
                if (attempt > 0) {
                    throw identicalRequestWon;
                }
                // Loop: return the job of the request that won (or start anew if it ended meanwhile)
            }
        }
    }

    public Optional<BulkJobDetails> details(UUID jobId, UUID ownerOrNull) {
        return tx.execute(s -> jobs.findById(jobId)
                .filter(job -> ownerOrNull == null || job.getUserId().equals(ownerOrNull))
                .map(job -> job.getKind() == TicketJob.Kind.UPDATE ? updateDetails(job) : createDetails(job)));
    }

    private BulkJobDetails createDetails(TicketJob job) {
        var all = items.findByJob(job.getId());
        int created = count(all, JobItemStatus.CREATED);
        int skipped = count(all, JobItemStatus.SKIPPED);
        int failed = count(all, JobItemStatus.FAILED);
        String error = job.getStatus() == JobStatus.FAILED
                ? all.stream().map(TicketJobItem::getError).filter(java.util.Objects::nonNull).findFirst().orElse(null) : null;
        return new BulkJobDetails(job.getId(), job.getKind().name(), job.getStatus(), job.getTotal(), created, 0,
                skipped, failed, error, all.stream().map(i -> new BulkJobDetails.Item(i.getViolationId(), null,
                        i.getStatus(), i.getJiraTicketKey(), i.getError())).toList());
    }

    private BulkJobDetails updateDetails(TicketJob job) {
        var all = jdbc.query("""
                select i.ticket_id, t.violation_id, t.jira_issue_key, i.status, i.error from ticket_job_ticket i
                join ticket t on t.id = i.ticket_id where i.job_id = ? order by i.position""",
                (rs, n) -> new BulkJobDetails.Item(rs.getObject(2, UUID.class), rs.getObject(1, UUID.class),
                        JobItemStatus.valueOf(rs.getString(4)), rs.getString(3), rs.getString(5)), job.getId());
        java.util.function.ToIntFunction<JobItemStatus> count = status -> (int) all.stream()
                .filter(i -> i.status() == status).count();
        String error = job.getStatus() == JobStatus.FAILED
                ? all.stream().map(BulkJobDetails.Item::error).filter(java.util.Objects::nonNull).findFirst().orElse(null) : null;
        return new BulkJobDetails(job.getId(), job.getKind().name(), job.getStatus(), job.getTotal(), 0,
                count.applyAsInt(JobItemStatus.UPDATED), count.applyAsInt(JobItemStatus.SKIPPED),
                count.applyAsInt(JobItemStatus.FAILED), error, all);
    }

    /**
     * Stores a new RUNNING update job with one PENDING item per ticket, unless a job of the identical request still
     * runs (see {@link #create}): then that one is returned.
     */
    public Started createUpdate(UUID userId, String updateJson, List<UUID> ticketIds, String fingerprint) {
        for (int attempt = 0; ; attempt++) {
            var running = tx.execute(s -> jobs.findByRunningRequest(fingerprint));
            if (running.isPresent()) {
                return new Started(running.get().getId(), true);
            }
            UUID id = UUID.randomUUID();
            try {
                tx.executeWithoutResult(s -> {
                    em.persist(TicketJob.update(id, userId, updateJson, ticketIds.size(), clock.instant(), fingerprint));
                    em.flush();
                    var rows = new java.util.ArrayList<Object[]>(ticketIds.size());
                    for (int i = 0; i < ticketIds.size(); i++) {
                        rows.add(new Object[] {id, ticketIds.get(i), i});
                    }
                    jdbc.batchUpdate("insert into ticket_job_ticket (job_id, ticket_id, position, status) values (?, ?, ?, 'PENDING')",
                            rows);
                });
                return new Started(id, false);
            } catch (DataIntegrityViolationException identicalRequestWon) {
                if (attempt > 0) {
                    throw identicalRequestWon;
                }
            }
        }
    }

    /**
     * Outcomes of an update job's tickets, set-based: one statement per distinct (status, error) and up to
     * {@value TicketQueries#IN_LIST} tickets (a group of 1,000 updated tickets is one statement), in the caller's
     * transaction if there is one. The key ({@link ItemOutcome#key()}) is not stored: an update's items show the
     * ticket's own key.
     */
    public void saveTicketOutcomes(UUID jobId, Map<UUID, ItemOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        var byOutcome = new LinkedHashMap<List<String>, List<UUID>>();
        outcomes.forEach((ticketId, outcome) -> byOutcome.computeIfAbsent(
                Arrays.asList(outcome.status().name(), fitError(outcome.error())), k -> new ArrayList<>())
                .add(ticketId));
        tx.executeWithoutResult(s -> byOutcome.forEach((outcome, ids) -> {
            for (int from = 0; from < ids.size(); from += TicketQueries.IN_LIST) {
                var chunk = ids.subList(from, Math.min(ids.size(), from + TicketQueries.IN_LIST));
                var args = new ArrayList<Object>(chunk.size() + 3);
                args.add(outcome.get(0));
                args.add(outcome.get(1));
                args.add(jobId);
                args.addAll(chunk);
                jdbc.update("update ticket_job_ticket set status = ?, error = ? where job_id = ? and ticket_id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", args.toArray());
            }
        }));
    }

    private static String fitError(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    /** What a retry found: the job restarted, still running, or with no failed item to send again. */
    public enum Retry { RESTARTED, STILL_RUNNING, NOTHING_FAILED }

    /** FAILED items back to PENDING and the job RUNNING, if it has finished and has failed items. */
    public Retry retryFailed(UUID jobId, UUID ownerOrNull) {
        return tx.execute(s -> {
            var job = jobs.findById(jobId).filter(j -> ownerOrNull == null || j.getUserId().equals(ownerOrNull)).orElseThrow();
            if (job.getStatus() == JobStatus.RUNNING) {
                return Retry.STILL_RUNNING;
            }
            if (job.getKind() == TicketJob.Kind.UPDATE) {
                if (jdbc.update("update ticket_job_ticket set status = 'PENDING', error = null where job_id = ? and status = 'FAILED'",
                        jobId) == 0) {
                    return Retry.NOTHING_FAILED;
                }
                job.restart();
                return Retry.RESTARTED;
            }
            var failed = items.findByJobAndStatus(jobId, JobItemStatus.FAILED);
            if (failed.isEmpty()) {
                return Retry.NOTHING_FAILED;
            }
            failed.forEach(i -> i.outcome(JobItemStatus.PENDING, null, null));
            job.restart();
            return Retry.RESTARTED;
        });
    }

    private static int count(List<TicketJobItem> all, JobItemStatus status) {
        return (int) all.stream().filter(i -> i.getStatus() == status).count();
    }

    /** The job, if it still runs. */
    public Optional<TicketJob> running(UUID jobId) {
        return tx.execute(s -> jobs.findById(jobId).filter(j -> j.getStatus() == JobStatus.RUNNING));
    }

    public List<TicketJobItem> pending(UUID jobId) {
        return tx.execute(s -> items.findByJobAndStatus(jobId, JobItemStatus.PENDING));
    }

    /**
     * Final outcomes of a chunk's items, in one transaction and one batched statement: (status, Jira key, error) by
     * violation id.
     */
    public void saveOutcomes(UUID jobId, java.util.Map<UUID, ItemOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        var rows = List.copyOf(outcomes.entrySet());
        tx.executeWithoutResult(s -> jdbc.batchUpdate(
                "update ticket_job_item set status = ?, jira_ticket_key = ?, error = ? where job_id = ? and violation_id = ?",
                rows, rows.size(), (ps, row) -> {
                    var outcome = row.getValue();
                    String error = outcome.error();
                    ps.setString(1, outcome.status().name());
                    ps.setString(2, outcome.key());
                    ps.setString(3, error == null || error.length() <= 1000 ? error : error.substring(0, 1000));
                    ps.setObject(4, jobId);
                    ps.setObject(5, row.getKey());
                }));
    }

    /** What became of one job item. */
    public record ItemOutcome(JobItemStatus status, String key, String error) {}

    public void failPending(UUID jobId, String reason) {
        tx.executeWithoutResult(s -> {
            items.findByJobAndStatus(jobId, JobItemStatus.PENDING).forEach(item -> item.outcome(JobItemStatus.FAILED, null, reason));
            jdbc.update("update ticket_job_ticket set status = 'FAILED', error = ? where job_id = ? and status = 'PENDING'",
                    reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000), jobId);
        });
    }

    /** The job, whatever its state (the scheduler picks its runner by kind). */
    public Optional<TicketJob> job(UUID jobId) {
        return tx.execute(s -> jobs.findById(jobId));
    }

    /** Ends the job; returns its item counts by status. */
    public java.util.Map<JobItemStatus, Long> finish(UUID jobId,
            JobStatus status) {
        return tx.execute(s -> {
            var job = jobs.findById(jobId);
            job.ifPresent(j -> j.finish(status, clock.instant()));
            if (job.isPresent() && job.get().getKind() == TicketJob.Kind.UPDATE) {
                var counts = new java.util.EnumMap<JobItemStatus, Long>(JobItemStatus.class);
                jdbc.query("select status, count(*) from ticket_job_ticket where job_id = ? group by status",
                        (org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(
                                JobItemStatus.valueOf(rs.getString(1)), rs.getLong(2)), jobId);
                return counts;
            }
            return items.findByJob(jobId).stream().collect(java.util.stream.Collectors.groupingBy(TicketJobItem::getStatus,
                    java.util.stream.Collectors.counting()));
        });
    }
}
