package com.example.compliance.ticket.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the create dialog's memory of custom field values, per user and project. */
@Component
public class FieldMemory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_JSON = 8000;

    private final TicketFieldMemoryRepository repository;
    private final TransactionTemplate tx;

    FieldMemory(TicketFieldMemoryRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    public Map<String, Object> recall(UUID user, String projectKey) {
        return tx.execute(s -> repository.findById(new TicketFieldMemory.Key(user, projectKey))
                .map(m -> JSON.readValue(m.getFieldValues(), new TypeReference<Map<String, Object>>() {}))
                .orElse(Map.of()));
    }

    /** Adds these values to what is remembered for the project (a field left empty keeps its older value). */
    public void remember(UUID user, String projectKey, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        var merged = new LinkedHashMap<>(recall(user, projectKey));
        merged.putAll(values);
        String json = JSON.writeValueAsString(merged);
        if (json.length() > MAX_JSON) {
            return; // Not worth failing a create over: the dialog simply does not pre-fill these
        }
        tx.executeWithoutResult(s -> repository.findById(new TicketFieldMemory.Key(user, projectKey)).ifPresentOrElse(
                m -> m.remember(json), () -> repository.save(new TicketFieldMemory(user, projectKey, json))));
    }
}
