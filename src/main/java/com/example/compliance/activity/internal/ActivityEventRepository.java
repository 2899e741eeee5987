package com.example.compliance.activity.internal;

import org.springframework.data.repository.Repository;

/** Append-only on purpose: a plain {@link Repository} with save and nothing that updates or deletes. */
public interface ActivityEventRepository extends Repository<ActivityEvent, Long> {

    ActivityEvent save(ActivityEvent event);

    /** The newest events about one target (index ix_activity_event_target_occurred). */
    java.util.List<ActivityEvent> findTop50ByTargetTypeAndTargetOrderByOccurredAtDescIdDesc(String targetType,
            String target);
}
