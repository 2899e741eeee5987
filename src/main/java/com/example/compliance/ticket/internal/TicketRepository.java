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
    @org.springframework.data.jpa.repository.Modifying
    @Query("""
            update Ticket t set t.inFlightUntil = :until
            where t.id = :id and t.state = com.example.compliance.ticket.internal.Ticket.State.PENDING
              and (t.inFlightUntil is null or t.inFlightUntil < :now)""")
    int claim(@Param("id") UUID id, @Param("now") java.time.Instant now, @Param("until") java.time.Instant until);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Ticket t set t.inFlightUntil = null where t.id in :ids and t.state = com.example.compliance.ticket.internal.Ticket.State.PENDING")
    int endAttempt(@Param("ids") Collection<UUID> ids);
}
