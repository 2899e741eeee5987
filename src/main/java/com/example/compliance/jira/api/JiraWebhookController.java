package com.example.compliance.jira.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.example.compliance.jira.internal.webhook.WebhookReceiver;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jira's webhook deliveries (no session, CSRF or Basic: see SecurityConfig). 401 unless the delivery is signed for
 * this app and names webhooks this app registered on its site; otherwise stored, then answered at once.
 */
@RestController
class JiraWebhookController {

    private static final Logger log = LoggerFactory.getLogger(JiraWebhookController.class);

    private final WebhookReceiver receiver;

    JiraWebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @ApiResponse(responseCode = "204", description = "Stored; applied afterwards")
    @PostMapping("/api/jira/webhooks")
    ResponseEntity<Object> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) String identifier,
            @RequestBody(required = false) String body) {
        try {
            receiver.receive(authorization, identifier, body);
            return ResponseEntity.noContent().build();
        } catch (WebhookReceiver.Refused refused) {
            log.info("Webhook delivery refused: {}", refused.getMessage());
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Not a Jira delivery for this app: " + refused.getMessage() + ".");
            problem.setType(URI.create("about:blank"));
            return ResponseEntity.status(401).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
