package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxEnabled;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Control endpoints for the sandbox's webhooks (admins only, like every {@code /sandbox/_control/**}): the delivery
 * knobs (drop, duplicate, delay, reorder) with counts of what happened to deliveries, and the registered webhooks of a
 * site as Jira holds them. Not part of Jira's API; never subject to faults.
 */
@RestController
@SandboxEnabled
@RequestMapping("/sandbox/_control/webhooks")
class WebhookControlController {

    private final WebhookDeliverer deliverer;
    private final WebhookStore webhooks;

    WebhookControlController(WebhookDeliverer deliverer, WebhookStore webhooks) {
        this.deliverer = deliverer;
        this.webhooks = webhooks;
    }

    @GetMapping
    Map<String, Object> webhooks(@RequestParam(name = "cloud_id") String cloudId) {
        var list = webhooks.live(cloudId).stream().map(w -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", w.id());
            json.put("jql_filter", w.jqlFilter());
            json.put("account_id", w.accountId());
            json.put("expires_at", w.expiresAt().toString());
            return json;
        }).toList();
        return Map.of("cloud_id", cloudId, "webhooks", list);
    }

    @GetMapping("/delivery")
    Map<String, Object> delivery() {
        return json(deliverer.knobs());
    }

    /** Changes only the knobs present in the body: {@code drop_rate}, {@code duplicate_rate}, {@code delay_ms}, {@code reorder_window}. */
    @PutMapping("/delivery")
    ResponseEntity<Object> configure(@RequestBody(required = false) String body) {
        JsonNode request;
        try {
            request = JiraJson.JSON.readTree(body == null ? "" : body);
        } catch (tools.jackson.core.JacksonException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return ResponseEntity.badRequest().body(Map.of("error", "The body must be a JSON object with drop_rate, "
                    + "duplicate_rate (0 to 1), delay_ms, reorder_window"));
        }
        var current = deliverer.knobs();
        try {
            var next = new WebhookDeliverer.Knobs(
                    request.has("drop_rate") ? request.get("drop_rate").asDouble() : current.dropRate(),
                    request.has("duplicate_rate") ? request.get("duplicate_rate").asDouble() : current.duplicateRate(),
                    request.has("delay_ms") ? request.get("delay_ms").asLong() : current.delayMs(),
                    request.has("reorder_window") ? request.get("reorder_window").asInt() : current.reorderWindow());
            deliverer.configure(next);
            return ResponseEntity.ok(json(next));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }

    /** Knobs back to faithful delivery, counts to zero. */
    @PostMapping("/delivery/reset")
    ResponseEntity<Void> reset() {
        deliverer.configure(WebhookDeliverer.Knobs.NONE);
        deliverer.resetCounts();
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> json(WebhookDeliverer.Knobs knobs) {
        var json = new LinkedHashMap<String, Object>();
        json.put("drop_rate", knobs.dropRate());
        json.put("duplicate_rate", knobs.duplicateRate());
        json.put("delay_ms", knobs.delayMs());
        json.put("reorder_window", knobs.reorderWindow());
        json.put("deliveries", deliverer.counts());
        return json;
    }
}
