package com.example.compliance.activity;

/**
 * One event to append to the audit trail. {@code actor} is a username or {@link #SYSTEM} for background jobs;
 * {@code targetType} + {@code target} name what was acted on (e.g. {@code user} + a username, {@code issue} + an issue
 * key). {@code jiraSite} may be null. {@code detail} is a short sentence for a person and must never contain a secret
 * (token, password, authorization code); it is truncated to {@link #MAX_DETAIL} characters. {@code targetName} is what
 * a person recognises the target by at the time (a violation's title and resource, a case's name), for targets that
 * are ids; null when {@code target} is a name already.
 */
public record ActivityEntry(String actor, ActivityAction action, String targetType, String target, String jiraSite,
        ActivityOutcome outcome, String detail, String targetName) {

    public ActivityEntry(String actor, ActivityAction action, String targetType, String target, String jiraSite,
            ActivityOutcome outcome, String detail) {
        this(actor, action, targetType, target, jiraSite, outcome, detail, null);
    }

    /** The actor of events that no signed-in user caused, e.g. a scheduled token refresh. */
    public static final String SYSTEM = "system";
    public static final int MAX_DETAIL = 1000;

    public static ActivityEntry success(String actor, ActivityAction action, String targetType, String target,
            String detail) {
        return new ActivityEntry(actor, action, targetType, target, null, ActivityOutcome.SUCCESS, detail);
    }

    public static ActivityEntry failure(String actor, ActivityAction action, String targetType, String target,
            String detail) {
        return new ActivityEntry(actor, action, targetType, target, null, ActivityOutcome.FAILURE, detail);
    }

    /** A batch in which some items failed. */
    public static ActivityEntry partial(String actor, ActivityAction action, String targetType, String target,
            String detail) {
        return new ActivityEntry(actor, action, targetType, target, null, ActivityOutcome.PARTIAL, detail);
    }

    /** The same entry on this Jira site. */
    public ActivityEntry onSite(String site) {
        return new ActivityEntry(actor, action, targetType, target, site, outcome, detail, targetName);
    }

    /** The same entry, its target shown as this name (e.g. "Open bucket — s3://logs"). */
    public ActivityEntry named(String name) {
        return new ActivityEntry(actor, action, targetType, target, jiraSite, outcome, detail, name);
    }
}
