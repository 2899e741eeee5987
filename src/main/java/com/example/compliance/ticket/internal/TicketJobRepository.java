package com.example.compliance.ticket.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketJobRepository extends JpaRepository<TicketJob, UUID> {

    java.util.Optional<TicketJob> findByRunningRequest(String runningRequest);
}
