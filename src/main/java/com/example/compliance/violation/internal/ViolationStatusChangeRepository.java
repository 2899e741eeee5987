package com.example.compliance.violation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ViolationStatusChangeRepository extends JpaRepository<ViolationStatusChange, UUID> {

    List<ViolationStatusChange> findByViolationIdOrderByChangedAtAsc(UUID violationId);
}
