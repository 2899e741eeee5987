package com.example.compliance.ticket.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TicketPushRepository extends JpaRepository<TicketPush, UUID> {

    List<TicketPush> findByJobIdAndState(UUID jobId, TicketPush.State state);

    List<TicketPush> findByJobId(UUID jobId);

    /** {@code [state, count]} rows of a job's pushes. */
    @Query("select p.state, count(p) from TicketPush p where p.jobId = :jobId group by p.state")
    List<Object[]> countByState(@Param("jobId") UUID jobId);

    @Query("select distinct p.jobId from TicketPush p where p.state = com.example.compliance.ticket.internal.TicketPush.State.PENDING")
    List<UUID> findPendingJobs();

    /** An older push that has not run yet is replaced by the newer one: the latest status wins. */
    @Modifying
    @Query("""
            update TicketPush p set p.state = com.example.compliance.ticket.internal.TicketPush.State.SUPERSEDED
            where p.ticketId in :ticketIds and p.state = com.example.compliance.ticket.internal.TicketPush.State.PENDING""")
    int supersedePending(@Param("ticketIds") List<UUID> ticketIds);
}
