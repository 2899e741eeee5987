package com.example.compliance.violation.internal;

import com.example.compliance.violation.ViolationFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The violations grid's queries: one page (offset/limit, no count) and a separate count, both from the same filter.
 * Sorting is limited to indexed or cheap columns and always ends with the id, so paging is stable.
 */
@Component
public class ViolationSearch {

    public static final Set<String> SORTABLE = Set.of("detectedAt", "severity", "title", "ruleId", "resource",
            "status", "control", "framework");

    private final EntityManager em;

    ViolationSearch(EntityManager em) {
        this.em = em;
    }

    public List<Violation> page(ViolationFilter filter, long offset, int limit, Sort sort) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Violation.class);
        Root<Violation> root = query.from(Violation.class);
        root.fetch("auditCase");
        query.select(root).where(predicates(filter, cb, root)).orderBy(orders(sort, cb, root));
        return em.createQuery(query).setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    public long count(ViolationFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        Root<Violation> root = query.from(Violation.class);
        query.select(cb.count(root)).where(predicates(filter, cb, root));
        return em.createQuery(query).getSingleResult();
    }

    private static Predicate[] predicates(ViolationFilter filter, CriteriaBuilder cb, Root<Violation> root) {
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
        if (filter.hasTicket() != null) {
            predicates.add(filter.hasTicket() ? cb.isNotNull(root.get("jiraKey")) : cb.isNull(root.get("jiraKey")));
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

    private static List<Order> orders(Sort sort, CriteriaBuilder cb, Root<Violation> root) {
        var orders = new ArrayList<Order>();
        for (Sort.Order order : sort) {
            if (SORTABLE.contains(order.getProperty())) {
                var path = root.get(order.getProperty());
                orders.add(order.isAscending() ? cb.asc(path) : cb.desc(path));
            }
        }
        if (orders.isEmpty()) {
            orders.add(cb.desc(root.get("detectedAt")));
        }
        orders.add(cb.asc(root.get("id")));
        return orders;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
