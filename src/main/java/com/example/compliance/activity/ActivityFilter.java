package com.example.compliance.activity;

import java.time.Instant;
import java.util.Set;

/**
 * Which events to show: {@code from} inclusive, {@code to} exclusive, {@code actor} an exact username; null or
 * empty parts match everything.
 */
public record ActivityFilter(Instant from, Instant to, String actor, Set<ActivityAction> actions,
        ActivityOutcome outcome) {

    public ActivityFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        actions = actions == null ? Set.of() : Set.copyOf(actions);
    }

    public static ActivityFilter all() {
        return new ActivityFilter(null, null, null, Set.of(), null);
    }

    public static ActivityFilter byActor(String actor) {
        return new ActivityFilter(null, null, actor, Set.of(), null);
    }
}
