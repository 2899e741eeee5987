package com.example.compliance.finding.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketRuleRepository extends JpaRepository<TicketRule, UUID> {}
