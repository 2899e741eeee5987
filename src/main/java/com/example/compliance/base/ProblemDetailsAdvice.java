package com.example.compliance.base;

import com.example.compliance.base.InvalidInputException.InputError;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of the REST API into RFC 9457 problem+json with a message a person can act on. Unexpected
 * failures are logged with a reference and answered without internals.
 */
@RestControllerAdvice(basePackages = "com.example.compliance")
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidInput(e.getMessage(), e.errors());
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Cannot be processed", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail unavailable(ServiceUnavailableException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Upstream service failed", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describeType(e.getRequiredType());
        return invalidInput(
                "'%s' is not %s for '%s'".formatted(e.getValue(), expected, e.getName()),
                List.of(new InputError(e.getName(), "must be " + expected)));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Rejected a write that violates a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict", "The request conflicts with existing data; nothing was stored.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "You do not have permission for this action.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error (ref {})", ref, e);
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong (ref " + ref + ").");
        problem.setProperty("ref", ref);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = fromJacksonFailure(e.getCause());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InputError(snakeCase(f.getField()), f.getDefaultMessage()))
                .toList();
        List<InputError> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new InputError(g.getObjectName(), g.getDefaultMessage()))
                .toList();
        var all = new ArrayList<>(errors);
        all.addAll(global);
        return ResponseEntity.badRequest().body(invalidInput(summary(all), all));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new InputError(
                                snakeCase(err instanceof FieldError f ? f.getField() : r.getMethodParameter().getParameterName()),
                                err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(summary(errors), errors));
    }

    private ProblemDetail fromJacksonFailure(Throwable cause) {
        if (cause instanceof StreamReadException syntax) {
            var location = syntax.getLocation();
            String where = location == null ? "" : " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
            return invalidInput("The request body is not valid JSON" + where + ".", List.of());
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            String message;
            if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                message = "'%s' is not one of %s".formatted(format.getValue(), enumValues(format.getTargetType()));
            } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "must be " + describeType(mismatch.getTargetType());
            } else {
                message = "has an invalid value";
            }
            return invalidInput(field + ": " + message, List.of(new InputError(field, message)));
        }
        if (cause instanceof JacksonException) {
            return invalidInput("The request body is not valid JSON of the expected shape.", List.of());
        }
        return invalidInput("The request body is missing or is not valid JSON.", List.of());
    }

    private static String path(JacksonException e) {
        var sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            }
        }
        return sb.toString();
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String describeType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 timestamp";
        }
        return "a JSON object";
    }

    private static String summary(List<InputError> errors) {
        if (errors.isEmpty()) {
            return "The request is invalid.";
        }
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    /**
     * The API's name of a field: Java's {@code projectKey} (bean validation reports record components) is the JSON's
     * {@code project_key}; paths keep their shape ({@code [3].ruleId} becomes {@code [3].rule_id}), upper-case keys
     * ({@code default.CRITICAL}) stay.
     */
    static String snakeCase(String field) {
        if (field == null) {
            return null;
        }
        var out = new StringBuilder(field.length() + 8);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            char previous = i > 0 ? field.charAt(i - 1) : ' ';
            // Only a hump after a lower-case letter or digit: keys like default.CRITICAL stay as they are
            if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ProblemDetail invalidInput(String detail, List<InputError> rawErrors) {
        List<InputError> errors = rawErrors.stream().map(e -> new InputError(snakeCase(e.field()), e.message())).toList();
        String sentence = detail.endsWith(".") ? detail : detail + ".";
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", isWrite() ? sentence + " Nothing was stored." : sentence);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return problem;
    }

    private static boolean isWrite() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String method = servlet.getRequest().getMethod();
            return !"GET".equals(method) && !"HEAD".equals(method);
        }
        return false;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
