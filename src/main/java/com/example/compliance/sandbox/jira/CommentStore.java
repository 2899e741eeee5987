package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.SandboxClock;
import com.example.compliance.sandbox.SandboxEnabled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Comments of sandbox issues (ADF bodies, with their entity properties); forgotten with their issue and on reset. */
@Component
@SandboxEnabled
public class CommentStore {

    public record Comment(long id, long issueId, String authorAccountId, JsonNode body, JsonNode properties,
            Instant created) {}

    private final Map<Long, List<Comment>> comments = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(10000);
    private final SandboxClock clock;

    CommentStore(IssueStore issues, SandboxClock clock) {
        this.clock = clock;
        issues.onChange(change -> {
            if (change.before() == null) {
                comments.clear();
            } else if (change.after() == null) {
                comments.remove(change.before().id());
            }
        });
    }

    public Comment add(Issue issue, String authorAccountId, JsonNode body, JsonNode properties) {
        var comment = new Comment(nextId.getAndIncrement(), issue.id(), authorAccountId, body, properties, clock.now());
        comments.computeIfAbsent(issue.id(), id -> java.util.Collections.synchronizedList(new ArrayList<>())).add(comment);
        return comment;
    }

    public List<Comment> of(Issue issue) {
        var list = comments.getOrDefault(issue.id(), List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
