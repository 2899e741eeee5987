package com.example.compliance.admin.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.security.CreateUserRequest;
import com.example.compliance.security.ResetPasswordRequest;
import com.example.compliance.security.UpdateUserRequest;
import com.example.compliance.security.UserRow;
import com.example.compliance.security.UserService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@RestController
@RequestMapping("/api/admin/users")
class AdminUserController {

    private final UserService users;

    AdminUserController(UserService users) {
        this.users = users;
    }

    @ApiResponse(responseCode = "201", description = "The new user", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A user with this name exists")
    @ApiResponse(responseCode = "422", description = "The user name breaks the rule (3 to 64 of letters, digits, . _ - @) or the password the policy; `errors` names the field")
    @PostMapping
    ResponseEntity<UserJson> create(@Valid @RequestBody CreateUserRequest request) {
        var created = UserJson.of(users.createUser(request));
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(created);
    }

    @GetMapping
    List<UserJson> list() {
        return users.findAll().stream().map(UserJson::of).toList();
    }

    /** Changes role and/or enabled in one step; the last enabled administrator stays one (409). */
    @ApiResponse(responseCode = "200", description = "The user", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Refused: the last enabled admin can be neither disabled nor demoted (recorded in the audit trail)")
    @PatchMapping("/{id}")
    UserJson update(@PathVariable UUID id, @RequestBody UpdateUserRequest request) {
        return UserJson.of(users.update(id, request));
    }

    @ApiResponse(responseCode = "204", description = "Password set; the user must change it at the next sign-in")
    @PostMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable UUID id, @Valid @RequestBody ResetPasswordRequest request) {
        users.resetPassword(id, request.password());
        return ResponseEntity.noContent().build();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserJson(java.util.UUID id, String username, String role, boolean enabled, java.time.Instant createdAt) {
        static UserJson of(UserRow row) {
            return new UserJson(row.id(), row.username(), row.role().name(), row.enabled(), row.createdAt());
        }
    }
}
