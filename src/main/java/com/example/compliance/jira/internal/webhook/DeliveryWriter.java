package com.example.compliance.jira.internal.webhook;

import com.example.compliance.base.BatchWorker;
import com.example.compliance.jira.JiraIssueChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores authenticated deliveries with group commit: request threads hand their delivery over and wait; one writer
 * thread takes everything queued (up to {@value #BATCH}) and, in one transaction, routes each delivery (a
 * {@code matchedWebhookIds} this app registered on the site the issue's self link is under: the second half of the
 * authentication), drops those seen before (stored earlier, or twice in the batch) and inserts the rest with
 * {@code ON CONFLICT DO NOTHING} (another instance may store the same delivery at the same moment). Each waiting request
 * is answered only after the commit, so a 2xx means the delivery is durable. Stored changes are then published for
 * processing. A failing batch is written again one delivery at a time, so one bad delivery fails only its own request.
 */
@Component
class DeliveryWriter {

    /** Why a delivery was not stored, or that it was. */
    enum Result { STORED, DUPLICATE, IGNORED, NOT_ROUTED }

    /** What the receiver verified and read from a delivery; {@code fact} is null for an event the app does not apply. */
    record Incoming(List<Long> matchedWebhookIds, String issueSelf, Fact fact) {}

    /** The facts of a delivery that are stored, under its dedupe key. */
    record Fact(String dedupeKey, String eventType, long eventAt, String issueId, String issueKey, String statusName,
            String statusCategory) {}

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);
    private static final String INSERT = """
            insert into jira_webhook_delivery (id, cloud_id, dedupe_key, event_type, event_at, issue_id, issue_key,
            status_name, status_category, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""";

    private record Pending(Incoming incoming, CompletableFuture<Result> answer) {}

    private record Route(long webhookId, String cloudId, String siteUrl) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BatchWorker<Pending> writer = new BatchWorker<>("webhook-delivery-writer", false, BATCH, this::write,
            (batch, e) -> {
                // Never leave a request waiting: write() answers its own failures; this is the last resort
                log.error("Webhook delivery writer failed", e);
                batch.forEach(p -> p.answer().completeExceptionally(e));
            },
            left -> left.forEach(p -> p.answer().completeExceptionally(
                    new IllegalStateException("the webhook receiver stopped"))));

    DeliveryWriter(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        writer.start();
    }

    /** Answers the request once its delivery is committed (or known to be a duplicate, ignored or not routable). */
    CompletableFuture<Result> submit(Incoming incoming) {
        var pending = new Pending(incoming, new CompletableFuture<>());
        if (!writer.offer(pending)) {
            pending.answer().completeExceptionally(new IllegalStateException("the webhook receiver is stopping"));
        }
        return pending.answer();
    }

    @PreDestroy
    void stop() {
        writer.stop();
    }

    /** Writes these deliveries as one batch on the calling thread: what the writer thread does with a batch (tests). */
    List<CompletableFuture<Result>> writeAsOneBatch(List<Incoming> incoming) {
        var batch = incoming.stream().map(i -> new Pending(i, new CompletableFuture<>())).toList();
        write(batch);
        return batch.stream().map(Pending::answer).toList();
    }

    private void write(List<Pending> batch) {
        List<Written> written;
        try {
            written = writeInOneTransaction(batch);
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.getFirst().answer().completeExceptionally(failed);
                return;
            }
            log.warn("Storing {} webhook deliveries together failed ({}); storing them one at a time", batch.size(),
                    failed.getMessage());
            batch.forEach(p -> write(List.of(p)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(written.get(i).result());
        }
        written.stream().filter(w -> w.result() == Result.STORED).forEach(w -> events.publishEvent(w.change()));
    }

    /** A delivery's result, with the change to publish when it was stored. */
    private record Written(Result result, JiraIssueChanged change) {}

    private List<Written> writeInOneTransaction(List<Pending> batch) {
        return tx.execute(s -> {
            var written = new ArrayList<Written>(Collections.nCopies(batch.size(), (Written) null));
            Map<Long, List<Route>> routes = routesOf(batch);
            // Per site: the first delivery of each dedupe key in the batch is a candidate, later ones are duplicates
            var candidates = new LinkedHashMap<String, LinkedHashMap<String, Integer>>();
            for (int i = 0; i < batch.size(); i++) {
                Incoming incoming = batch.get(i).incoming();
                String cloudId = siteOf(incoming, routes);
                if (cloudId == null) {
                    written.set(i, new Written(Result.NOT_ROUTED, null));
                } else if (incoming.fact() == null) {
                    written.set(i, new Written(Result.IGNORED, null));
                } else if (candidates.computeIfAbsent(cloudId, c -> new LinkedHashMap<>())
                        .putIfAbsent(incoming.fact().dedupeKey(), i) != null) {
                    written.set(i, new Written(Result.DUPLICATE, null));
                } else {
                    written.set(i, new Written(Result.STORED, change(UUID.randomUUID(), cloudId, incoming.fact())));
                }
            }
            // A key stored before (an earlier batch, another instance) is refused by the unique key: its count is 0.
            // No read of the stored keys first: that is one statement less per batch, and PostgreSQL's cached plan
            // for it, made while the table was small, read the whole table on every batch
            var inserts = new ArrayList<Integer>();
            candidates.values().forEach(byKey -> inserts.addAll(byKey.values()));
            if (!inserts.isEmpty()) {
                var receivedAt = clock.instant().atOffset(ZoneOffset.UTC);
                int[][] counts = jdbc.batchUpdate(INSERT, inserts, inserts.size(), (ps, i) -> {
                    JiraIssueChanged change = written.get(i).change();
                    Fact fact = batch.get(i).incoming().fact();
                    ps.setObject(1, change.deliveryId());
                    ps.setString(2, change.cloudId());
                    ps.setString(3, fact.dedupeKey());
                    ps.setString(4, fact.eventType());
                    ps.setLong(5, fact.eventAt());
                    ps.setString(6, fact.issueId());
                    ps.setString(7, fact.issueKey());
                    ps.setString(8, fact.statusName());
                    ps.setString(9, fact.statusCategory());
                    ps.setObject(10, receivedAt);
                });
                for (int k = 0; k < inserts.size(); k++) {
                    // 0: stored before (SUCCESS_NO_INFO, -2, from a driver that rewrites batches, counts as stored: its
                    // change then names a delivery that is not in the table, and the processor applies nothing)
                    if (counts[0][k] == 0) {
                        written.set(inserts.get(k), new Written(Result.DUPLICATE, null));
                    }
                }
            }
            return written;
        });
    }

    private Map<Long, List<Route>> routesOf(List<Pending> batch) {
        var ids = new LinkedHashSet<Long>();
        batch.forEach(p -> ids.addAll(p.incoming().matchedWebhookIds()));
        var routes = new HashMap<Long, List<Route>>();
        if (ids.isEmpty()) {
            return routes;
        }
        jdbc.query("select webhook_id, cloud_id, site_url from jira_webhook where webhook_id in (" + marks(ids.size()) + ")",
                rs -> {
                    var route = new Route(rs.getLong(1), rs.getString(2), rs.getString(3));
                    routes.computeIfAbsent(route.webhookId(), k -> new ArrayList<>()).add(route);
                }, ids.toArray());
        return routes;
    }

    /** The site whose registered webhooks include one of the matched ids and whose URL the issue's self link is under. */
    private static String siteOf(Incoming incoming, Map<Long, List<Route>> routes) {
        for (Long id : incoming.matchedWebhookIds()) {
            for (Route route : routes.getOrDefault(id, List.of())) {
                if (incoming.issueSelf().startsWith(route.siteUrl() + "/")) {
                    return route.cloudId();
                }
            }
        }
        return null;
    }

    static JiraIssueChanged change(UUID deliveryId, String cloudId, Fact fact) {
        return new JiraIssueChanged(deliveryId, cloudId, fact.issueId(), fact.issueKey(), fact.statusName(),
                fact.statusCategory(), "jira:issue_deleted".equals(fact.eventType()), fact.eventAt());
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
