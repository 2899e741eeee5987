package com.example.compliance.ticket.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketFieldMemoryRepository extends JpaRepository<TicketFieldMemory, TicketFieldMemory.Key> {}
