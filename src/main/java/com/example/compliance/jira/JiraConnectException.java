package com.example.compliance.jira;

import com.example.compliance.base.ApplicationException;

/** The OAuth callback could not complete; {@code reason} is a stable code the panel turns into advice. */
public class JiraConnectException extends ApplicationException {

    private final Reason reason;

    public JiraConnectException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        DENIED("You declined access at Atlassian. Nothing was stored; connect again when you are ready."),
        UNKNOWN_STATE("This sign-in link is not valid. Start again with \"Connect Jira\"."),
        EXPIRED_STATE("The sign-in took longer than 10 minutes. Start again with \"Connect Jira\"."),
        REUSED_STATE("This sign-in link was already used. Start again with \"Connect Jira\"."),
        OTHER_USER("This sign-in was started by another user. Start again with \"Connect Jira\" while signed in as yourself."),
        MISSING_CODE("Atlassian did not send an authorization code. Start again with \"Connect Jira\"."),
        EXCHANGE_FAILED("Atlassian did not accept the authorization. Start again with \"Connect Jira\"."),
        NO_SITES("Your Atlassian account has no Jira site this app may use. Pick at least one site when you consent."),
        ATLASSIAN_UNAVAILABLE("Atlassian could not be reached. Try again in a few minutes."),
        UNSAFE_SITE_URL("Atlassian sent a site address that is not an https address; nothing was stored. Tell your "
                + "administrator: the Jira grant may not be from Atlassian.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }

        public static Reason fromCode(String code) {
            for (Reason r : values()) {
                if (r.name().equalsIgnoreCase(code)) {
                    return r;
                }
            }
            return UNKNOWN_STATE;
        }
    }
}
