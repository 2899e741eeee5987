package com.example.compliance.security.internal;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityEntry;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.ui.LoginView;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A single sign-on that failed in the protocol (the provider's error, a state or nonce that does not match, a token the
 * app cannot verify) is logged and audited before the person is sent back to the login page; refusals of our own
 * (disabled user, unusable claims) are audited where they are decided.
 */
class OidcSignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(OidcSignInFailureHandler.class);

    private final ActivityService activity;
    private final String provider;

    OidcSignInFailureHandler(ActivityService activity, String provider) {
        super("/login?" + LoginView.SSO_ERROR);
        this.activity = activity;
        this.provider = provider;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (!(exception instanceof OAuth2AuthenticationException oauth)
                || !OidcSignInUserService.REFUSED.equals(oauth.getError().getErrorCode())) {
            String reason = exception instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode() + (oauth.getError().getDescription() == null ? ""
                            : ": " + oauth.getError().getDescription())
                    : exception.getClass().getSimpleName();
            log.warn("Single sign-on through {} failed: {}", provider, reason);
            activity.recordInNewTransaction(ActivityEntry.failure(ActivityEntry.SYSTEM, ActivityAction.SIGN_IN_FAILED,
                    "user", "", "Single sign-on through " + provider + " failed: " + reason));
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
