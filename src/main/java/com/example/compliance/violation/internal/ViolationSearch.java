package com.example.compliance.violation.internal;

import com.example.compliance.violation.RemediationDeadlines;
import com.example.compliance.violation.Severity;
import com.example.compliance.violation.ViolationFilter;
import com.example.compliance.violation.ViolationStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The violations grid's queries: one page and a separate count, both from the same filter. Sorting is limited to
 * indexed or cheap columns and always ends with the id (in the direction of the last key), so paging is stable.
 *
 * <p>A page is read in two steps: the ids of its rows (an index-only scan on PostgreSQL, see changeset 0007), then
 * those rows with their case. Deep pages do not OFFSET past every row before them: with {@link SeekAnchors} the query
 * starts after the nearest anchor (a keyset seek) and skips fewer than {@link #SEEK_STEP} rows, so page 8,000 costs
 * about what page 1 does. That is done on PostgreSQL only, where OFFSET is what costs (see the constructor).
 */
@Component
public class ViolationSearch {

    public static final Set<String> SORTABLE = Set.of("detectedAt", "severity", "title", "ruleId", "resource",
            "status", "control", "framework");
    /** Rows between two seek anchors: the most a page query ever skips with OFFSET. */
    public static final int SEEK_STEP = 5_000;
    // A keyset comparison cannot order NULLs; sorts on these columns page with plain OFFSET
    private static final Set<String> NULLABLE = Set.of("resource");

    private final EntityManager em;
    private final boolean seekDeepPages;
    private final Supplier<RemediationDeadlines> deadlines;
    private final Clock clock;

    @Autowired
    ViolationSearch(EntityManager em, DataSource dataSource, ObjectProvider<RemediationDeadlines.Source> deadlines,
            Clock clock) {
        this(em, DatabaseProduct.isPostgres(dataSource), () -> {
            var source = deadlines.getIfAvailable();
            return source == null ? RemediationDeadlines.none() : source.current();
        }, clock);
    }

    ViolationSearch(EntityManager em, boolean seekDeepPages) {
        this(em, seekDeepPages, RemediationDeadlines::none, Clock.systemUTC());
    }

    /**
     * @param seekDeepPages whether deep pages seek from anchors. Measured (issue 7's benchmark): PostgreSQL visits
     *     every row an OFFSET skips, so page 4,000 of a million rows took ~190 ms; H2 skips them inside its B-tree
     *     for ~5 ms at any depth, and its planner serves the seek's OR condition with a sort instead, which is slower.
     */
    ViolationSearch(EntityManager em, boolean seekDeepPages, Supplier<RemediationDeadlines> deadlines, Clock clock) {
        this.em = em;
        this.seekDeepPages = seekDeepPages;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    private record Key(String property, boolean ascending) {}

    public List<Violation> page(ViolationFilter filter, long offset, int limit, Sort sort) {
        return page(filter, offset, limit, sort, null);
    }

    /** One page; with anchors (kept by the caller for this filter) a deep page seeks instead of skipping, where that pays. */
    public List<Violation> page(ViolationFilter filter, long offset, int limit, Sort sort, SeekAnchors anchors) {
        List<Key> keys = keys(sort);
        Object[] after = null;
        long skip = offset;
        if (seekDeepPages && anchors != null && offset >= SEEK_STEP && keys.stream().noneMatch(key -> NULLABLE.contains(key.property()))) {
            int block = Math.toIntExact(offset / SEEK_STEP);
            after = anchor(filter, keys, anchors.forSort(signature(keys)), block);
            if (after == null) {
                return List.of();
            }
            skip = offset - (long) block * SEEK_STEP;
        }
        return load(ids(filter, keys, after, skip, limit));
    }

    public long count(ViolationFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        Root<Violation> root = query.from(Violation.class);
        query.select(cb.count(root)).where(predicates(filter, cb, root));
        return em.createQuery(query).getSingleResult();
    }

    /** The key values of the last row before block {@code block}, finding the missing anchors on the way; null past the end. */
    private Object[] anchor(ViolationFilter filter, List<Key> keys, List<Object[]> known, int block) {
        synchronized (known) {
            while (known.size() < block) {
                Object[] previous = known.isEmpty() ? null : known.getLast();
                Object[] next = keysAt(filter, keys, previous, SEEK_STEP - 1);
                if (next == null) {
                    return null;
                }
                known.add(next);
            }
            return known.get(block - 1);
        }
    }

    private Object[] keysAt(ViolationFilter filter, List<Key> keys, Object[] after, long skip) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Violation> root = query.from(Violation.class);
        query.multiselect(keys.stream().<jakarta.persistence.criteria.Selection<?>>map(key -> root.get(key.property())).toList())
                .where(where(filter, keys, after, cb, root))
                .orderBy(orders(keys, cb, root));
        var rows = em.createQuery(query).setFirstResult(Math.toIntExact(skip)).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : rows.getFirst().toArray();
    }

    private List<UUID> ids(ViolationFilter filter, List<Key> keys, Object[] after, long skip, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<UUID> query = cb.createQuery(UUID.class);
        Root<Violation> root = query.from(Violation.class);
        query.select(root.get("id")).where(where(filter, keys, after, cb, root)).orderBy(orders(keys, cb, root));
        return em.createQuery(query).setFirstResult(Math.toIntExact(skip)).setMaxResults(limit).getResultList();
    }

    private List<Violation> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var rows = em.createQuery("select v from Violation v join fetch v.auditCase where v.id in :ids", Violation.class)
                .setParameter("ids", ids)
                .getResultList();
        var position = new HashMap<UUID, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return rows.stream().sorted(Comparator.comparing(v -> position.get(v.getId()))).toList();
    }

    private Predicate[] where(ViolationFilter filter, List<Key> keys, Object[] after, CriteriaBuilder cb,
            Root<Violation> root) {
        var predicates = new ArrayList<>(List.of(predicates(filter, cb, root)));
        if (after != null) {
            predicates.add(after(keys, after, cb, root));
        }
        return predicates.toArray(Predicate[]::new);
    }

    /**
     * Rows strictly after the given key values in the sort order: (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or …,
     * plus the implied bound on the first key alone, which lets the database start its index range there.
     */
    private static Predicate after(List<Key> keys, Object[] values, CriteriaBuilder cb, Root<Violation> root) {
        var alternatives = new ArrayList<Predicate>();
        for (int i = 0; i < keys.size(); i++) {
            var all = new ArrayList<Predicate>();
            for (int j = 0; j < i; j++) {
                all.add(cb.equal(root.get(keys.get(j).property()), values[j]));
            }
            all.add(beyond(cb, root.get(keys.get(i).property()), keys.get(i).ascending(), values[i], false));
            alternatives.add(cb.and(all.toArray(Predicate[]::new)));
        }
        Predicate leading = beyond(cb, root.get(keys.getFirst().property()), keys.getFirst().ascending(), values[0], true);
        return cb.and(leading, cb.or(alternatives.toArray(Predicate[]::new)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate beyond(CriteriaBuilder cb, Expression<?> path, boolean ascending, Object value,
            boolean orEqual) {
        Expression<Comparable> expression = (Expression<Comparable>) path;
        Comparable bound = (Comparable) value;
        if (ascending) {
            return orEqual ? cb.greaterThanOrEqualTo(expression, bound) : cb.greaterThan(expression, bound);
        }
        return orEqual ? cb.lessThanOrEqualTo(expression, bound) : cb.lessThan(expression, bound);
    }

    private Predicate[] predicates(ViolationFilter filter, CriteriaBuilder cb, Root<Violation> root) {
        var predicates = new ArrayList<Predicate>();
        if (filter.caseId() != null) {
            predicates.add(cb.equal(root.get("auditCase").get("id"), filter.caseId()));
        }
        if (!filter.severities().isEmpty()) {
            predicates.add(root.get("severity").in(filter.severities()));
        }
        if (filter.status() != null) {
            predicates.add(cb.equal(root.get("status"), filter.status()));
        }
        if (filter.framework() != null) {
            predicates.add(cb.equal(root.get("framework"), filter.framework()));
        }
        if (filter.overdue()) {
            predicates.add(overdue(cb, root));
        }
        if (filter.hasTicket() != null) {
            predicates.add(filter.hasTicket() ? cb.isNotNull(root.get("jiraKey")) : cb.isNull(root.get("jiraKey")));
        }
        if (filter.source() != null) {
            predicates.add(cb.equal(root.get("source"), filter.source()));
        }
        if (filter.importId() != null) {
            predicates.add(cb.equal(root.get("importId"), filter.importId()));
        }
        if (filter.text() != null) {
            String pattern = "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%";
            predicates.add(cb.or(
                    cb.like(cb.lower(root.get("title")), pattern, '\\'),
                    cb.like(cb.lower(root.get("ruleId")), pattern, '\\'),
                    cb.like(cb.lower(root.get("resource")), pattern, '\\'),
                    cb.like(cb.lower(root.get("control")), pattern, '\\')));
        }
        return predicates.toArray(Predicate[]::new);
    }

    /**
     * Open and detected before now minus the days to remediate its severity (and framework): one range condition per
     * policy entry, so a changed policy applies at once and the (severity, detected_at) index serves it.
     */
    private Predicate overdue(CriteriaBuilder cb, Root<Violation> root) {
        var terms = deadlines.get();
        var now = clock.instant();
        var alternatives = new ArrayList<Predicate>();
        for (Severity severity : Severity.values()) {
            Set<String> overriding = terms.frameworksOverriding(severity);
            Integer days = terms.defaults().get(severity);
            if (days != null) {
                var clause = new ArrayList<>(List.of(cb.equal(root.get("severity"), severity),
                        cb.lessThan(root.get("detectedAt"), now.minus(Duration.ofDays(days)))));
                if (!overriding.isEmpty()) {
                    clause.add(cb.not(root.get("framework").in(overriding)));
                }
                alternatives.add(cb.and(clause.toArray(Predicate[]::new)));
            }
            for (String framework : overriding) {
                int own = terms.frameworks().get(framework).get(severity);
                alternatives.add(cb.and(cb.equal(root.get("severity"), severity),
                        cb.equal(root.get("framework"), framework),
                        cb.lessThan(root.get("detectedAt"), now.minus(Duration.ofDays(own)))));
            }
        }
        var open = root.get("status").in(Arrays.stream(ViolationStatus.values()).filter(ViolationStatus::isOpen).toList());
        return alternatives.isEmpty() ? cb.disjunction() : cb.and(open, cb.or(alternatives.toArray(Predicate[]::new)));
    }

    /** The requested sort keys that may be sorted on (newest first if none), then the id as the tie-breaker. */
    private static List<Key> keys(Sort sort) {
        var keys = new ArrayList<Key>();
        for (Sort.Order order : sort) {
            if (SORTABLE.contains(order.getProperty())
                    && keys.stream().noneMatch(key -> key.property().equals(order.getProperty()))) {
                keys.add(new Key(order.getProperty(), order.isAscending()));
            }
        }
        if (keys.isEmpty()) {
            keys.add(new Key("detectedAt", false));
        }
        // Same direction as the last key, so one index serves the sort forwards and backwards
        keys.add(new Key("id", keys.getLast().ascending()));
        return keys;
    }

    private static List<Order> orders(List<Key> keys, CriteriaBuilder cb, Root<Violation> root) {
        return keys.stream().map(key -> key.ascending() ? cb.asc(root.get(key.property())) : cb.desc(root.get(key.property())))
                .toList();
    }

    private static String signature(List<Key> keys) {
        return keys.stream().map(key -> key.property() + (key.ascending() ? "+" : "-")).collect(Collectors.joining(","));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
