package com.example.compliance.ticket.internal;

import com.example.compliance.ticket.JobItemStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TicketJobItemRepository extends JpaRepository<TicketJobItem, TicketJobItem.Key> {

    @Query("select i from TicketJobItem i where i.id.jobId = :jobId order by i.position")
    List<TicketJobItem> findByJob(@Param("jobId") UUID jobId);

    @Query("select i from TicketJobItem i where i.id.jobId = :jobId and i.status = :status order by i.position")
    List<TicketJobItem> findByJobAndStatus(@Param("jobId") UUID jobId, @Param("status") JobItemStatus status);
}
