package com.example.compliance.activity.internal;

import com.example.compliance.activity.ActivityFilter;
import com.example.compliance.activity.ActivityRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The audit trail's queries, always newest first (occurred_at, then id, both descending). They select rows straight
 * into {@link ActivityRow} records, so nothing stays in the persistence context while a long export runs.
 */
@Component
public class ActivitySearch {

    private final EntityManager em;

    ActivitySearch(EntityManager em) {
        this.em = em;
    }

    public List<ActivityRow> page(ActivityFilter filter, long offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = rowQuery(cb);
        Root<ActivityEvent> root = root(cb, query);
        query.where(predicates(filter, cb, root).toArray(Predicate[]::new))
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        return em.createQuery(query).setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    /** The next rows older than {@code after} (keyset paging: stable while new events arrive, no deep OFFSET). */
    public List<ActivityRow> pageAfter(ActivityFilter filter, ActivityRow after, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = rowQuery(cb);
        Root<ActivityEvent> root = root(cb, query);
        var predicates = predicates(filter, cb, root);
        if (after != null) {
            predicates.add(cb.or(
                    cb.lessThan(root.get("occurredAt"), after.occurredAt()),
                    cb.and(cb.equal(root.get("occurredAt"), after.occurredAt()), cb.lessThan(root.get("id"), after.id()))));
        }
        query.where(predicates.toArray(Predicate[]::new))
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    public long count(ActivityFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        Root<ActivityEvent> root = query.from(ActivityEvent.class);
        query.select(cb.count(root)).where(predicates(filter, cb, root).toArray(Predicate[]::new));
        return em.createQuery(query).getSingleResult();
    }

    private static CriteriaQuery<ActivityRow> rowQuery(CriteriaBuilder cb) {
        return cb.createQuery(ActivityRow.class);
    }

    private static Root<ActivityEvent> root(CriteriaBuilder cb, CriteriaQuery<ActivityRow> query) {
        Root<ActivityEvent> root = query.from(ActivityEvent.class);
        query.select(cb.construct(ActivityRow.class, root.get("id"), root.get("occurredAt"),
                root.get("actor"), root.get("action"), root.get("targetType"), root.get("target"), root.get("jiraSite"),
                root.get("outcome"), root.get("detail"), root.get("requestId"), root.get("targetName")));
        return root;
    }

    private static List<Predicate> predicates(ActivityFilter filter, CriteriaBuilder cb, Root<ActivityEvent> root) {
        var predicates = new ArrayList<Predicate>();
        if (filter.from() != null) {
            predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            predicates.add(cb.lessThan(root.get("occurredAt"), filter.to()));
        }
        if (filter.actor() != null) {
            // Exact match, so the (actor, occurred_at) index serves it
            predicates.add(cb.equal(root.get("actor"), filter.actor()));
        }
        if (!filter.actions().isEmpty()) {
            predicates.add(root.get("action").in(filter.actions()));
        }
        if (filter.outcome() != null) {
            predicates.add(cb.equal(root.get("outcome"), filter.outcome()));
        }
        return predicates;
    }
}
