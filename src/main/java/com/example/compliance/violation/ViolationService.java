package com.example.compliance.violation;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.security.Role;
import com.example.compliance.violation.internal.AuditCase;
import com.example.compliance.violation.internal.AuditCaseRepository;
import com.example.compliance.violation.internal.Violation;
import com.example.compliance.violation.internal.ViolationRepository;
import com.example.compliance.violation.internal.ViolationSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Violations: adding them to a case, browsing and filtering them. */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class ViolationService {

    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_BATCH = 1000;

    private final ViolationRepository violations;
    private final AuditCaseRepository cases;
    private final ViolationSearch search;
    private final Validator validator;
    private final Clock clock;
    private final ObjectProvider<RemediationDeadlines.Source> deadlines;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ViolationService(ViolationRepository violations, AuditCaseRepository cases, ViolationSearch search,
            Validator validator, Clock clock, ObjectProvider<RemediationDeadlines.Source> deadlines,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.violations = violations;
        this.cases = cases;
        this.search = search;
        this.validator = validator;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /** Adds all the violations or none: one invalid item rejects the request, naming its index and field. */
    @Transactional
    public List<ViolationDetails> addToCase(UUID caseId, List<CreateViolationRequest> requests) {
        AuditCase auditCase = cases.findById(caseId).orElseThrow(() -> AuditCaseService.notFound(caseId));
        AuditCaseService.requireActive(auditCase);
        validate(requests);
        var now = clock.instant();
        var created = new ArrayList<Violation>(requests.size());
        for (CreateViolationRequest r : requests) {
            created.add(new Violation(UUID.randomUUID(), auditCase, r.ruleId().strip(), r.title().strip(),
                    r.description(), r.severity(), r.resource(),
                    blankToDefault(r.framework(), auditCase.getFramework()),
                    blankToDefault(r.control(), r.ruleId().strip()),
                    r.status() == null ? ViolationStatus.OPEN : r.status(),
                    r.detectedAt() == null ? now : r.detectedAt()));
        }
        var terms = currentDeadlines();
        return violations.saveAll(created).stream().map(v -> toDetails(v, terms, now)).toList();
    }

    @Transactional(readOnly = true)
    public PageResult<ViolationDetails> findByCase(UUID caseId, int page, int size) {
        if (!cases.existsById(caseId)) {
            throw AuditCaseService.notFound(caseId);
        }
        if (page < 0) {
            throw new InvalidInputException(new InputError("page", "must be 0 or greater"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(new InputError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        var result = violations.findByAuditCaseId(caseId,
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("detectedAt"), Sort.Order.asc("id"))));
        return new PageResult<>(result.map(this::toDetails).getContent(), page, size,
                result.getTotalElements(), result.getTotalPages());
    }

    @Transactional(readOnly = true)
    public ViolationDetails get(UUID id) {
        return violations.findById(id).map(this::toDetails)
                .orElseThrow(() -> new NotFoundException("No violation with id " + id + "."));
    }

    /** One page for the grid; the count is a separate call so scrolling never recounts. */
    @Transactional(readOnly = true)
    public List<ViolationDetails> find(ViolationFilter filter, Pageable pageable) {
        return search.page(filter, pageable.getOffset(), pageable.getPageSize(), pageable.getSort()).stream()
                .map(this::toDetails)
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(ViolationFilter filter) {
        return search.count(filter);
    }

    /**
     * One page of the grid's current filter. Deep pages seek from the anchors the paging handle remembers, so their
     * cost does not grow with the depth (see {@link ViolationPaging}).
     */
    @Transactional(readOnly = true)
    public List<ViolationDetails> find(ViolationPaging paging, long offset, int limit, Sort sort) {
        return search.page(paging.filter(), offset, limit, sort, paging.anchors()).stream()
                .map(this::toDetails)
                .toList();
    }

    /** Counts the paging handle's filter; the rows may have moved since the last count, so its anchors start afresh. */
    @Transactional(readOnly = true)
    public long count(ViolationPaging paging) {
        paging.anchors().clear();
        return search.count(paging.filter());
    }

    /**
     * The violations with these ids that exist, in the given order. Background jobs call it as their owner
     * ({@code BackgroundUser}), so the class's role rule applies to them too.
     */
    @Transactional(readOnly = true)
    public List<ViolationDetails> findAllById(List<UUID> ids) {
        var byId = new java.util.HashMap<UUID, ViolationDetails>();
        var terms = currentDeadlines();
        var now = clock.instant();
        for (int from = 0; from < ids.size(); from += 1000) {
            violations.findAllWithCaseByIdIn(ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(v -> byId.put(v.getId(), toDetails(v, terms, now)));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Ids of every violation of a case, oldest first (for "create tickets for this case"). */
    @Transactional(readOnly = true)
    public List<UUID> findIdsByCase(UUID caseId) {
        if (!cases.existsById(caseId)) {
            throw AuditCaseService.notFound(caseId);
        }
        return violations.findIdsByCase(caseId);
    }

    /**
     * Records on the violation which Jira issue tracks it, for the grid. Called by the ticket feature, also from its
     * background jobs, which run as their owner.
     */
    @Transactional
    public void linkJira(UUID violationId, String key, String url, String status, String statusCategory) {
        violations.findById(violationId).ifPresent(v -> v.linkJira(key, url, status, statusCategory));
    }

    /** Which Jira issue tracks a violation, as {@link #linkJira} records it. */
    public record JiraLink(UUID violationId, String key, String url, String status, String statusCategory) {}

    /**
     * {@link #linkJira} for many violations (a bulk job's chunk) in one batched statement. For a transaction that has
     * not loaded these violations as entities (a loaded one would write its old link back when it is flushed).
     */
    @Transactional
    public void linkJiraAll(List<JiraLink> links) {
        if (links.isEmpty()) {
            return;
        }
        // In id order, like Hibernate's ordered updates: two transactions updating overlapping violations lock them
        // in the same order instead of deadlocking
        var ordered = links.stream().sorted(java.util.Comparator.comparing(JiraLink::violationId)).toList();
        jdbc.batchUpdate("update violation set jira_key = ?, jira_url = ?, jira_status = ?, jira_status_category = ?"
                + " where id = ?", ordered, ordered.size(), (ps, link) -> {
                    ps.setString(1, link.key());
                    ps.setString(2, link.url());
                    ps.setString(3, link.status());
                    ps.setString(4, link.statusCategory());
                    ps.setObject(5, link.violationId());
                });
    }

    private void validate(List<CreateViolationRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw new InvalidInputException(new InputError("", "send a JSON array with at least one violation"));
        }
        if (requests.size() > MAX_BATCH) {
            throw new InvalidInputException(new InputError("",
                    "at most " + MAX_BATCH + " violations per request; split the array"));
        }
        var errors = new ArrayList<InputError>();
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            if (request == null) {
                errors.add(new InputError("[" + i + "]", "must be a violation object, not null"));
                continue;
            }
            int index = i;
            validator.validate(request).stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> errors.add(new InputError(
                            "[" + index + "]." + snakeCase(v.getPropertyPath().toString()), v.getMessage())));
        }
        if (!errors.isEmpty()) {
            var first = errors.getFirst();
            throw new InvalidInputException(
                    "Item %s %s (%d problem(s) in all)".formatted(first.field(), first.message(), errors.size()),
                    errors);
        }
    }

    private static String snakeCase(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private RemediationDeadlines currentDeadlines() {
        var source = deadlines.getIfAvailable();
        return source == null ? RemediationDeadlines.none() : source.current();
    }

    private ViolationDetails toDetails(Violation v) {
        return toDetails(v, currentDeadlines(), clock.instant());
    }

    private static ViolationDetails toDetails(Violation v, RemediationDeadlines deadlines, java.time.Instant now) {
        var dueAt = deadlines.dueAt(v.getSeverity(), v.getFramework(), v.getDetectedAt());
        boolean overdue = dueAt != null && v.getStatus().isOpen() && dueAt.isBefore(now);
        return new ViolationDetails(v.getId(), v.getAuditCase().getId(), v.getAuditCase().getName(), v.getRuleId(),
                v.getTitle(), v.getDescription(), v.getSeverity(), v.getResource(), v.getFramework(), v.getControl(),
                v.getStatus(), v.getDetectedAt(), v.getJiraKey(), v.getJiraUrl(), v.getJiraStatus(),
                v.getJiraStatusCategory(), v.getStatusChangedAt(), v.getStatusChangedBy(), v.getJustification(),
                v.getAcceptedUntil(), dueAt, overdue, v.getSource(), v.getImportId());
    }
}
