package com.example.compliance.activity.internal;

import org.springframework.data.repository.Repository;

/** Append-only on purpose: a plain {@link Repository} with save and nothing that updates or deletes. */
public interface ActivityEventRepository extends Repository<ActivityEvent, Long> {

    ActivityEvent save(ActivityEvent event);
}
