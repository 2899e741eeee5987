package com.example.compliance.violation.internal;

import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.SyntheticViolationGenerator;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** APP_SYNTHETIC_VIOLATIONS=N: on start, when no synthetic case exists yet, generate one with N violations. */
@Component
@Order(20)
class SyntheticDataOnStartup implements ApplicationRunner {

    static final String CASE_NAME_PREFIX = "Synthetic load";

    private final int count;
    private final AuditCaseRepository cases;
    private final SyntheticViolationGenerator generator;
    private final Clock clock;

    SyntheticDataOnStartup(@Value("${app.synthetic-violations}") int count, AuditCaseRepository cases,
            SyntheticViolationGenerator generator, Clock clock) {
        this.count = count;
        this.cases = cases;
        this.generator = generator;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (count <= 0 || cases.findAll().stream().anyMatch(c -> c.getName().startsWith(CASE_NAME_PREFIX))) {
            return;
        }
        var request = new CreateCaseRequest(CASE_NAME_PREFIX + " (" + count + " violations)", "SOC 2",
                "Generated at start-up from APP_SYNTHETIC_VIOLATIONS.");
        var auditCase = cases.save(new AuditCase(UUID.randomUUID(), request.name(), request.framework(),
                request.description(), clock.instant()));
        generator.insert(auditCase.getId(), count);
    }
}
