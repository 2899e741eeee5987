package com.example.compliance.violation;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.ConflictException;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.NotFoundException;
import com.example.compliance.base.UnprocessableException;
import com.example.compliance.security.Role;
import com.example.compliance.security.UserService;
import com.example.compliance.violation.internal.AuditCase;
import com.example.compliance.violation.internal.AuditCaseRepository;
import com.example.compliance.violation.internal.ViolationRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit cases: the containers of violations. Archiving hides a case from the default lists and closes it to new
 * violations and imports; its violations, tickets and history stay as they are (ADR 021).
 */
@Service
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class AuditCaseService {

    private final AuditCaseRepository cases;
    private final ViolationRepository violations;
    private final ActivityService activity;
    private final Validator validator;
    private final UserService users;
    private final Clock clock;

    AuditCaseService(AuditCaseRepository cases, ViolationRepository violations, ActivityService activity,
            Validator validator, UserService users, Clock clock) {
        this.cases = cases;
        this.users = users;
        this.violations = violations;
        this.activity = activity;
        this.validator = validator;
        this.clock = clock;
    }

    /** A new case; its owner is the caller unless the request names one. */
    @Transactional
    public CaseDetails create(CreateCaseRequest request) {
        validate(request);
        var auditCase = new AuditCase(UUID.randomUUID(), request.name().strip(), request.framework().strip(),
                blankToNull(request.description()), clock.instant());
        String owner = owner(request.owner(), null);
        auditCase.edit(auditCase.getName(), auditCase.getFramework(), auditCase.getDescription(),
                owner == null ? actor() : owner);
        cases.save(auditCase);
        activity.record(ActivityEntry.success(actor(), ActivityAction.CASE_CREATED, "case", auditCase.getId().toString(),
                "Created case " + auditCase.getName() + " (" + auditCase.getFramework() + ")").named(auditCase.getName()));
        return toDetails(auditCase, 0);
    }

    /** New name, framework, description and owner (a blank owner clears it). */
    @Transactional
    public CaseDetails update(UUID id, CreateCaseRequest request) {
        validate(request);
        var auditCase = cases.findById(id).orElseThrow(() -> notFound(id));
        auditCase.edit(request.name().strip(), request.framework().strip(), blankToNull(request.description()),
                owner(request.owner(), auditCase.getOwner()));
        activity.record(ActivityEntry.success(actor(), ActivityAction.CASE_UPDATED, "case", id.toString(),
                "Edited case " + auditCase.getName()).named(auditCase.getName()));
        return toDetails(auditCase, violations.countByAuditCaseId(id));
    }

    /** Archives the case; archiving an archived case changes nothing. */
    @Transactional
    public CaseDetails archive(UUID id) {
        var auditCase = cases.findById(id).orElseThrow(() -> notFound(id));
        if (auditCase.getArchivedAt() == null) {
            auditCase.archive(actor(), clock.instant());
            activity.record(ActivityEntry.success(actor(), ActivityAction.CASE_ARCHIVED, "case", id.toString(),
                    "Archived case " + auditCase.getName()).named(auditCase.getName()));
        }
        return toDetails(auditCase, violations.countByAuditCaseId(id));
    }

    /** Makes an archived case active again; restoring an active case changes nothing. */
    @Transactional
    public CaseDetails restore(UUID id) {
        var auditCase = cases.findById(id).orElseThrow(() -> notFound(id));
        if (auditCase.getArchivedAt() != null) {
            auditCase.restore();
            activity.record(ActivityEntry.success(actor(), ActivityAction.CASE_RESTORED, "case", id.toString(),
                    "Restored case " + auditCase.getName()).named(auditCase.getName()));
        }
        return toDetails(auditCase, violations.countByAuditCaseId(id));
    }

    /** The active cases, newest first: what pickers and default lists offer. */
    @Transactional(readOnly = true)
    public List<CaseDetails> findAll() {
        return findAll(false);
    }

    /** Newest first; archived ones only when asked for, after the active ones. */
    @Transactional(readOnly = true)
    public List<CaseDetails> findAll(boolean includeArchived) {
        Map<UUID, Long> counts = new HashMap<>();
        for (Object[] row : cases.countViolationsPerCase()) {
            counts.put(UUID.fromString((String) row[0]), ((Number) row[1]).longValue());
        }
        var found = includeArchived ? cases.findAllByOrderByCreatedAtDesc()
                : cases.findByArchivedAtIsNullOrderByCreatedAtDesc();
        return found.stream()
                .map(c -> toDetails(c, counts.getOrDefault(c.getId(), 0L)))
                .sorted(Comparator.comparing(CaseDetails::archived))
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

    /** New violations and imports go to active cases only. */
    static void requireActive(AuditCase auditCase) {
        if (auditCase.getArchivedAt() != null) {
            throw new ConflictException("Case \"" + auditCase.getName()
                    + "\" is archived: restore it on the Cases page before adding violations to it.");
        }
    }

    private void validate(CreateCaseRequest request) {
        if (request == null) {
            throw new InvalidInputException(new InputError("", "send a case object with name and framework"));
        }
        var errors = validator.validate(request).stream()
                .map(v -> new InputError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(InputError::field))
                .toList();
        if (!errors.isEmpty()) {
            var first = errors.getFirst();
            throw new InvalidInputException(first.field() + ": " + first.message(), errors);
        }
    }

    /**
     * The owner as the active user spells their name, or null for none. An owner that is no (longer an active) user is
     * refused, except the case's current one: owners were free text before, and such a case must stay editable.
     */
    private String owner(String requested, String current) {
        String owner = blankToNull(requested);
        if (owner == null || owner.equals(current)) {
            return owner;
        }
        return users.findActiveUsername(owner).orElseThrow(() -> new UnprocessableException(
                "The owner must be an active user of this app: \"" + owner + "\" is not. Choose one of the users, or"
                        + " leave the owner empty.",
                List.of(Map.of("field", "owner", "message", "\"" + owner + "\" is not an active user: give the"
                        + " username of one of the app's users, or leave it empty"))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? ActivityEntry.SYSTEM : authentication.getName();
    }

    private static CaseDetails toDetails(AuditCase c, long violationCount) {
        return new CaseDetails(c.getId(), c.getName(), c.getFramework(), c.getDescription(), c.getCreatedAt(),
                violationCount, c.getOwner(), c.getArchivedAt(), c.getArchivedBy());
    }
}
