package com.example.compliance.violation.internal;

import com.example.compliance.violation.ViolationStatus;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An accepted risk is accepted until a date: once that day has passed (UTC, on the injected clock) the violation
 * returns to {@code OPEN} through {@link ViolationStatusChanger}, so history, audit trail and event apply as for any
 * other change. Runs as a recurring task of the cluster scheduler (one instance at a time), {@value #BATCH} violations
 * per transaction. {@code app.violations.risk-expiry-cron=-} turns the schedule off.
 */
@Configuration
public class RiskAcceptanceExpiry {

    static final int BATCH = 500;
    public static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(RiskAcceptanceExpiry.class);

    private final ViolationRepository violations;
    private final ViolationStatusChanger changer;
    private final TransactionTemplate tx;
    private final Clock clock;

    RiskAcceptanceExpiry(ViolationRepository violations, ViolationStatusChanger changer, TransactionTemplate tx,
            Clock clock) {
        this.violations = violations;
        this.changer = changer;
        this.tx = tx;
        this.clock = clock;
    }

    @Bean
    @ConditionalOnExpression("'${app.violations.risk-expiry-cron}' != '-'")
    RecurringTask<Void> riskAcceptanceExpiryTask(@Value("${app.violations.risk-expiry-cron}") String cron) {
        return Tasks.recurring("violation-risk-acceptance-expiry", Schedules.cron(cron, ZoneOffset.UTC))
                .execute((instance, context) -> reopenEnded());
    }

    /** Reopens every accepted risk whose date has passed; returns how many. */
    public int reopenEnded() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int total = 0;
        int batch;
        do {
            batch = tx.execute(s -> {
                var ended = violations.findAcceptedRisksEndedBefore(today, Limit.of(BATCH));
                for (Violation violation : ended) {
                    changer.change(java.util.List.of(violation), ViolationStatus.OPEN, ACTOR,
                            "Risk acceptance ended on " + violation.getAcceptedUntil(), null, clock.instant());
                }
                return ended.size();
            });
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            log.info("{} accepted risk(s) ended and are open again", total);
        }
        return total;
    }
}
