package com.example.compliance.ticket.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketPreferenceRepository extends JpaRepository<TicketPreference, UUID> {}
