package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records each interactive sign-in (the sign-in form) in the audit trail. HTTP Basic authenticates every request of a
 * script anew, so it is not a sign-in: recording it would put one event per API call in the trail, and the events of
 * what the script did carry its user anyway. Single sign-on records its own event (with the provider and role).
 */
@Component
class SignInRecorder {

    private final ActivityService activity;

    SignInRecorder(ActivityService activity) {
        this.activity = activity;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken) {
            return;
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        String name = authentication.getName();
        activity.record(ActivityEntry.success(name, ActivityAction.SIGNED_IN, "user", name,
                "Signed in with a password" + (address == null ? "" : " from " + address)));
    }
}
