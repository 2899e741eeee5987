package com.example.compliance.violation;

import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.Role;
import com.example.compliance.violation.internal.AuditCase;
import com.example.compliance.violation.internal.AuditCaseRepository;
import com.example.compliance.violation.internal.ViolationRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Audit cases: the containers of violations. */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class AuditCaseService {

    private final AuditCaseRepository cases;
    private final ViolationRepository violations;
    private final Clock clock;

    AuditCaseService(AuditCaseRepository cases, ViolationRepository violations, Clock clock) {
        this.cases = cases;
        this.violations = violations;
        this.clock = clock;
    }

    @Transactional
    public CaseDetails create(CreateCaseRequest request) {
        var auditCase = cases.save(new AuditCase(UUID.randomUUID(), request.name().strip(),
                request.framework().strip(), request.description(), clock.instant()));
        return toDetails(auditCase, 0);
    }

    @Transactional(readOnly = true)
    public List<CaseDetails> findAll() {
        Map<UUID, Long> counts = new HashMap<>();
        for (Object[] row : cases.countViolationsPerCase()) {
            counts.put(UUID.fromString((String) row[0]), ((Number) row[1]).longValue());
        }
        return cases.findAllByOrderByCreatedAtDesc().stream()
                .map(c -> toDetails(c, counts.getOrDefault(c.getId(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public CaseDetails get(UUID id) {
        var auditCase = cases.findById(id).orElseThrow(() -> notFound(id));
        return toDetails(auditCase, violations.countByAuditCaseId(id));
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("No audit case with id " + id + ".");
    }

    private static CaseDetails toDetails(AuditCase c, long violationCount) {
        return new CaseDetails(c.getId(), c.getName(), c.getFramework(), c.getDescription(), c.getCreatedAt(),
                violationCount);
    }
}
