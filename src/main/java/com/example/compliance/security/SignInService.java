package com.example.compliance.security;

import com.example.compliance.security.internal.SignInConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What the login page offers: single sign-on, the password form, or both. */
@Service
public class SignInService {

    private final SignInConfiguration configuration;

    SignInService(SignInConfiguration configuration) {
        this.configuration = configuration;
    }

    @PreAuthorize("permitAll()")
    public SignInOptions options() {
        return configuration.options();
    }
}
