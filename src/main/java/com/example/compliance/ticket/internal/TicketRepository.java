package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.StatusCategory;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByViolationIdAndCloudId(UUID violationId, String cloudId);

    /** A sync found these tickets as they are: only their sync time moves (one statement for a whole batch). */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Ticket t set t.lastSyncedAt = :now where t.id in :ids")
    int markSynced(@Param("ids") Collection<UUID> ids,
            @Param("now") java.time.Instant now);

    Optional<Ticket> findByCloudIdAndJiraIssueId(String cloudId, String jiraIssueId);

    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.cloudId = :cloudId and t.jiraIssueId = :issueId")
    Optional<Ticket> lockByCloudIdAndJiraIssueId(@Param("cloudId") String cloudId, @Param("issueId") String issueId);

    /** Tickets of these issues on the site, locked for update in id order (webhook deliveries applied together). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.cloudId = :cloudId and t.jiraIssueId in :issueIds order by t.id")
    List<Ticket> lockByCloudIdAndJiraIssueIdIn(@Param("cloudId") String cloudId,
            @Param("issueIds") Collection<String> issueIds);

    /** {@code [jiraIssueId, createdBy]} of the tickets of these issues on the site. */
    @Query("select t.jiraIssueId, t.createdBy from Ticket t where t.cloudId = :cloudId and t.jiraIssueId in :issueIds")
    List<Object[]> findOwners(@Param("cloudId") String cloudId, @Param("issueIds") Collection<String> issueIds);

    @Query("select distinct t.cloudId, t.projectKey from Ticket t where t.createdBy = :userId and t.state = com.example.compliance.ticket.internal.Ticket.State.CREATED")
    List<Object[]> findProjectsBySite(@Param("userId") UUID userId);

    List<Ticket> findByStateAndViolationIdIn(Ticket.State state, Collection<UUID> violationIds);

    List<Ticket> findByCloudIdAndViolationIdIn(String cloudId, Collection<UUID> violationIds);

    @Query("select t from Ticket t where t.createdBy = :userId and t.state = com.example.compliance.ticket.internal.Ticket.State.CREATED")
    List<Ticket> findSyncable(@Param("userId") UUID userId);

    @Query("""
            select distinct t.createdBy from Ticket t
            where t.state = com.example.compliance.ticket.internal.Ticket.State.CREATED and t.statusCategory <> :done""")
    List<UUID> findUsersWithOpenTickets(@Param("done") StatusCategory done);

    long countByCreatedBy(UUID userId);

    /** Tickets per creator that reached Jira (not PENDING reservations): {@code [createdBy, count]} rows. */
    @Query("""
            select t.createdBy, count(t) from Ticket t
            where t.state <> com.example.compliance.ticket.internal.Ticket.State.PENDING group by t.createdBy""")
    List<Object[]> countPerCreator();

    /** Takes over a PENDING reservation whose attempt is over (lease cleared or expired); 1 when we own it now. */
    /**
     * Takes the lease of a PENDING ticket for instance {@code me}: when nobody holds it, its time is up, or its holder
     * is an app instance that no longer beats (killed) or has stopped.
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query(nativeQuery = true, value = """
            UPDATE ticket SET in_flight_until = :until, in_flight_by = :me
            WHERE id = :id AND state = 'PENDING'
              AND (in_flight_until IS NULL OR in_flight_until < :now
                   OR (in_flight_by IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM app_instance i
                        WHERE i.id = ticket.in_flight_by AND i.stopped_at IS NULL AND i.last_seen_at > :aliveSince)))""")
    int claim(@Param("id") UUID id, @Param("now") java.time.Instant now, @Param("until") java.time.Instant until,
            @Param("me") String me, @Param("aliveSince") java.time.Instant aliveSince);

    /** Whether the instance holding a lease still beats. */
    @Query(nativeQuery = true, value = """
            SELECT COUNT(*) FROM app_instance
            WHERE id = :instance AND stopped_at IS NULL AND last_seen_at > :aliveSince""")
    int countAlive(@Param("instance") String instance, @Param("aliveSince") java.time.Instant aliveSince);

    /** An update job's tickets still PENDING in it, in the order they were asked for: one read for the whole job. */
    @Query(nativeQuery = true, value = """
            SELECT t.* FROM ticket t JOIN ticket_job_ticket i ON i.ticket_id = t.id
            WHERE i.job_id = :jobId AND i.status = 'PENDING' ORDER BY i.position""")
    List<Ticket> findPendingOfJob(@Param("jobId") UUID jobId);

    /** The assignee's display name on many tickets in one statement (null: unassigned). */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Ticket t set t.assignee = :assignee where t.id in :ids")
    int setAssignee(@Param("ids") Collection<UUID> ids, @Param("assignee") String assignee);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Ticket t set t.inFlightUntil = null, t.inFlightBy = null where t.id in :ids and t.state = com.example.compliance.ticket.internal.Ticket.State.PENDING")
    int endAttempt(@Param("ids") Collection<UUID> ids);
}
