package com.example.compliance.security.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.security.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The signed-in user's own account. */
@RestController
@RequestMapping("/api/account")
class AccountController {

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChangePasswordJson(String currentPassword, String newPassword) {}

    /** 204; 400 naming the field when the current password is wrong or the new one breaks the policy. */
    @ApiResponse(responseCode = "204", description = "Password changed")
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody ChangePasswordJson request) {
        users.changeOwnPassword(request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
