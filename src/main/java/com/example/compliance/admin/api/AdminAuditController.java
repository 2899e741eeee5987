package com.example.compliance.admin.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityFilter;
import com.example.compliance.activity.ActivityOutcome;
import com.example.compliance.activity.ActivityRow;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The audit trail for admins and their scripts: a JSON page or the whole filtered trail as CSV. Parameters arrive as
 * text and are parsed here, so every bad value is a 400 naming its parameter.
 */
@RestController
@RequestMapping("/api/admin")
class AdminAuditController {

    private final ActivityService activity;

    AdminAuditController(ActivityService activity) {
        this.activity = activity;
    }

    @GetMapping("/audit")
    AuditPageJson find(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) List<String> action,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var filter = filter(from, to, actor, action, outcome);
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = integer("size", size, 50, 1, ActivityService.MAX_PAGE_SIZE);
        long total = activity.count(filter);
        var items = activity.find(filter, PageRequest.of(pageNumber, pageSize)).stream().map(EventJson::of).toList();
        return new AuditPageJson(items, pageNumber, pageSize, total, (int) ((total + pageSize - 1) / pageSize));
    }

    /** Streams straight into the response: the export is read in pages and never held in memory. */
    @ApiResponse(responseCode = "200", description = "The audit trail as CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/audit.csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) List<String> action,
            @RequestParam(required = false) String outcome, HttpServletResponse response) throws IOException {
        var filter = filter(from, to, actor, action, outcome);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        activity.exportCsv(filter, writer);
        writer.flush();
    }

    private static ActivityFilter filter(String from, String to, String actor, List<String> actions, String outcome) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidInputException(new InputError("to", "must be later than 'from'"));
        }
        return new ActivityFilter(start, end, actor, actions(actions), outcome(outcome));
    }

    /** ISO-8601 instant or offset date-time, or a date (UTC): as 'to', a date includes that whole day. */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException(new InputError(name,
                        "'" + text + "' is not an ISO-8601 timestamp (e.g. 2026-11-23T10:00:00Z) or date (2026-11-23)"));
            }
        }
    }

    private static Set<ActivityAction> actions(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        var actions = EnumSet.noneOf(ActivityAction.class);
        for (String value : values) {
            // Both ?action=A&action=B and ?action=A,B
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    actions.add(ActivityAction.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(new InputError("action",
                            "'" + name.strip() + "' is not one of " + names(ActivityAction.values())));
                }
            }
        }
        return actions;
    }

    private static ActivityOutcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ActivityOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new InputError("outcome",
                    "'" + value.strip() + "' is not one of " + names(ActivityOutcome.values())));
        }
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String range = max == Integer.MAX_VALUE ? "a whole number, 0 or greater" : "a whole number from " + min + " to " + max;
        throw new InvalidInputException(new InputError(name, "must be " + range));
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AuditPageJson(List<EventJson> items, int page, int size, long totalElements, int totalPages) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EventJson(long id, Instant occurredAt, String actor, String action, String targetType, String target,
            String targetName, String jiraSite, String outcome, String detail, String requestId) {
        static EventJson of(ActivityRow row) {
            return new EventJson(row.id(), row.occurredAt(), row.actor(), row.action().name(), row.targetType(),
                    row.target(), row.targetName(), row.jiraSite(), row.outcome().name(), row.detail(), row.requestId());
        }
    }
}
