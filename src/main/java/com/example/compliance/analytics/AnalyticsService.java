package com.example.compliance.analytics;

import com.example.compliance.analytics.internal.AnalyticsQueries;
import com.example.compliance.analytics.internal.AnalyticsQueries.Scope;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.security.Role;
import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolution metrics for the dashboard and for scripts: what is open and overdue, how fast violations get a ticket and
 * get resolved, and the weekly trend. Every figure comes from an aggregate query over rollups that database triggers
 * keep exact, or over a short index range (see {@code AnalyticsQueries}, ADR 017).
 */
@Service
public class AnalyticsService {

    public static final int OLDEST_OVERDUE = 10;
    /** The longest period a trend may cover: about five years of weeks. */
    public static final int MAX_WEEKS = 260;
    public static final List<String> STATUS_CATEGORIES = List.of("TO_DO", "IN_PROGRESS", "DONE", "UNKNOWN");

    private final AnalyticsQueries queries;
    private final RemediationDeadlines.Source deadlines;
    private final Clock clock;

    AnalyticsService(AnalyticsQueries queries, RemediationDeadlines.Source deadlines, Clock clock) {
        this.queries = queries;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public AnalyticsSummary summary(AnalyticsFilter filter) {
        var now = clock.instant();
        var period = period(filter, now);
        var scope = scope(filter);
        var terms = deadlines.current();
        queries.tuneSession();

        var open = zeros();
        var overdue = zeros();
        var byStatus = new EnumMap<ViolationStatus, Long>(ViolationStatus.class);
        for (ViolationStatus status : ViolationStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (var count : queries.statusCounts(scope, terms, now)) {
            byStatus.merge(count.status(), count.count(), Long::sum);
            overdue.merge(count.severity(), count.overdue(), Long::sum);
            if (count.status().isOpen()) {
                open.merge(count.severity(), count.count(), Long::sum);
            }
        }
        var tickets = new LinkedHashMap<String, Long>();
        STATUS_CATEGORIES.forEach(category -> tickets.put(category, 0L));
        tickets.putAll(queries.ticketsByCategory(scope));

        return new AnalyticsSummary(now, period.from(), period.to(), open, overdue, byStatus, tickets,
                queries.timeToTicket(scope, period.from(), period.to()),
                queries.timeToResolve(scope, period.from(), period.to()),
                queries.slaCompliance(scope, terms, period.from(), period.to()),
                queries.becameOverdue(scope, period.from(), period.to()),
                queries.oldestOverdue(scope, terms, now, OLDEST_OVERDUE));
    }

    /**
     * Weeks (Monday 00:00 UTC) from the one holding {@code from} to the one holding {@code to}: violations detected and
     * resolutions in each, and the open backlog at its end. The backlog is today's open count taken back through the
     * recorded status changes, so it is exact for any past week without storing snapshots.
     */
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public List<TrendBucket> trend(AnalyticsFilter filter) {
        var now = clock.instant();
        var period = period(filter, now);
        var scope = scope(filter);
        queries.tuneSession();
        Instant start = period.from().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        int weeks = (int) ((Duration.between(start, period.to()).getSeconds() + Duration.ofDays(7).getSeconds() - 1)
                / Duration.ofDays(7).getSeconds());
        if (weeks > MAX_WEEKS) {
            throw new InvalidInputException(new InputError("from", "a trend covers at most " + MAX_WEEKS
                    + " weeks; choose a later 'from' or an earlier 'to'"));
        }

        long[] detected = new long[weeks];
        long[] openNowDetectedIn = new long[weeks];
        long openNowBefore = 0;
        for (var row : queries.detectedByWeek(scope, start, weeks)) {
            if (row.week() < 0) {
                openNowBefore += row.openNow();
            } else if (row.week() < weeks) {
                detected[row.week()] += row.detected();
                openNowDetectedIn[row.week()] += row.openNow();
            }
        }
        long[] resolved = new long[weeks];
        var changes = queries.changesByWeek(scope, start, weeks);
        for (var row : changes) {
            if (row.changedWeek() >= 0 && row.changedWeek() < weeks) {
                resolved[row.changedWeek()] += row.resolved();
            }
        }

        var buckets = new ArrayList<TrendBucket>(weeks);
        long openNowDetectedBeforeEnd = openNowBefore;
        for (int k = 0; k < weeks; k++) {
            openNowDetectedBeforeEnd += openNowDetectedIn[k];
            // Changes after this week's end to violations detected by then: undo them to get the backlog at the end
            long laterDelta = 0;
            for (var row : changes) {
                if (row.detectedWeek() <= k && row.changedWeek() > k) {
                    laterDelta += row.backlogDelta();
                }
            }
            buckets.add(new TrendBucket(start.plus(Duration.ofDays(7L * k)), detected[k], resolved[k],
                    openNowDetectedBeforeEnd - laterDelta));
        }
        return buckets;
    }

    private record Period(Instant from, Instant to) {}

    private static Period period(AnalyticsFilter filter, Instant now) {
        Instant to = filter.to() == null ? now : filter.to();
        Instant from = filter.from() == null ? to.minus(Duration.ofDays(filter.days())) : filter.from();
        if (!from.isBefore(to)) {
            throw new InvalidInputException(new InputError("to", "must be later than 'from'"));
        }
        return new Period(from, to);
    }

    private static Scope scope(AnalyticsFilter filter) {
        return new Scope(filter.caseId(), filter.framework(), filter.severities());
    }

    private static EnumMap<Severity, Long> zeros() {
        var map = new EnumMap<Severity, Long>(Severity.class);
        for (Severity severity : Severity.values()) {
            map.put(severity, 0L);
        }
        return map;
    }
}
