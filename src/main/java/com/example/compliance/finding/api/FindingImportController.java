package com.example.compliance.finding.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.finding.FindingFormat;
import com.example.compliance.finding.FindingImportService;
import com.example.compliance.finding.ImportFailedException;
import com.example.compliance.finding.ImportMode;
import com.example.compliance.finding.ImportRequest;
import com.example.compliance.finding.ImportResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Findings imports: the file as the request body (any JSON or CSV type) or as multipart part {@code file}. */
@RestController
class FindingImportController {

    private final FindingImportService imports;

    FindingImportController(FindingImportService imports) {
        this.imports = imports;
    }

    @ApiResponse(responseCode = "201", description = "The import's result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The case is archived: restore it first")
    @ApiResponse(responseCode = "413", description = "The file is larger than APP_IMPORT_MAX_SIZE")
    @ApiResponse(responseCode = "415", description = "Not a supported findings format")
    @ApiResponse(responseCode = "422", description = "Findings that cannot be imported; `errors` has their positions")
    @PostMapping(path = "/api/cases/{caseId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importPart(@PathVariable UUID caseId, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String source, @RequestParam(required = false) String mode,
            @RequestParam(required = false) String format) throws IOException {
        try (InputStream body = file.getInputStream()) {
            return created(imports.importFindings(caseId, request(source, mode, format, file.getOriginalFilename()), body));
        }
    }

    @ApiResponse(responseCode = "201", description = "The import's result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The case is archived: restore it first")
    @ApiResponse(responseCode = "413", description = "The file is larger than APP_IMPORT_MAX_SIZE")
    @ApiResponse(responseCode = "415", description = "Not a supported findings format")
    @ApiResponse(responseCode = "422", description = "Findings that cannot be imported; `errors` has their positions")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The scanner's file: SARIF, OCSF or ASFF JSON, or CSV",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @PostMapping(path = "/api/cases/{caseId}/imports")
    ResponseEntity<ImportResult> importBody(@PathVariable UUID caseId, HttpServletRequest http,
            @RequestParam(required = false) String source, @RequestParam(required = false) String mode,
            @RequestParam(required = false) String format,
            @RequestParam(name = "file_name", required = false) String fileName) throws IOException {
        try (InputStream body = http.getInputStream()) {
            return created(imports.importFindings(caseId, request(source, mode, format, fileName), body));
        }
    }

    @GetMapping("/api/cases/{caseId}/imports")
    List<ImportResult> list(@PathVariable UUID caseId) {
        return imports.findByCase(caseId);
    }

    @GetMapping("/api/imports/{importId}")
    ImportResult get(@PathVariable UUID importId) {
        return imports.get(importId);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<ProblemDetail> refused(ImportFailedException e) {
        var status = HttpStatus.valueOf(e.status());
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.status()) {
            case 413 -> "File too large";
            case 415 -> "Unsupported format";
            case 422 -> "Findings cannot be imported";
            case 409 -> "Case is archived";
            default -> "Invalid file";
        });
        problem.setType(URI.create("about:blank"));
        if (e.result() != null) {
            problem.setProperty("import_id", e.result().importId());
        }
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream()
                    .map(err -> Map.of("index", err.index(), "field", err.field(), "message", err.message())).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ImportResult> created(ImportResult result) {
        return ResponseEntity.created(URI.create("/api/imports/" + result.importId())).body(result);
    }

    private static ImportRequest request(String source, String mode, String format, String fileName) {
        return new ImportRequest(source, parse(ImportMode.class, "mode", mode), parse(FindingFormat.class, "format", format),
                fileName);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = String.join("|", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            throw new InvalidInputException(new InputError(name, "must be one of " + allowed));
        }
    }
}
