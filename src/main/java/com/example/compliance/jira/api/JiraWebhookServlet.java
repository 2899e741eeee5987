package com.example.compliance.jira.api;

import com.example.compliance.base.api.ProblemResponse;
import com.example.compliance.jira.internal.webhook.WebhookReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira's webhook deliveries, {@code POST /api/jira/webhooks}: 204 once the delivery is stored (applied afterwards),
 * 401 problem+json unless it is signed for this app and names webhooks this app registered on its site, and nothing
 * recorded then. A plain servlet, not a Spring MVC controller: a delivery needs two headers and the body, and MVC's
 * dispatch (handler lookup, argument resolvers, message converters) cost about 0.6 ms of CPU per delivery, which is
 * as much as storing it (ADR 015, "Bursts"). The servlet filters still run (request log and id, startup gate,
 * metrics) and so does the webhook's security chain (SecurityConfig: no session, CSRF or Basic). Described for the
 * OpenAPI document by {@link WebhookEndpoint}.
 */
final class JiraWebhookServlet extends HttpServlet {

    static final String PATH = "/api/jira/webhooks";
    /** Jira's issue events carry the fields; far below this. A longer body is refused unread (413). */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(JiraWebhookServlet.class);

    private final transient WebhookReceiver receiver;

    JiraWebhookServlet(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            ProblemResponse.write(request, response, 405, "Method Not Allowed", "Jira delivers webhooks with POST.");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            ProblemResponse.write(request, response, 413, "Content Too Large", tooLarge());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponse.write(request, response, 413, "Content Too Large", tooLarge());
            return;
        }
        try {
            receiver.receive(request.getHeader("Authorization"), request.getHeader("X-Atlassian-Webhook-Identifier"),
                    new String(body, StandardCharsets.UTF_8));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (WebhookReceiver.Refused refused) {
            log.info("Webhook delivery refused: {}", refused.getMessage());
            ProblemResponse.write(request, response, 401, "Unauthorized",
                    "Not a Jira delivery for this app: " + refused.getMessage() + ".");
        } catch (RuntimeException failed) {
            // Not stored: Jira sends a delivery again after a non-2xx answer, and a copy stored meanwhile is a duplicate
            log.warn("Webhook delivery not stored", failed);
            response.setHeader("Retry-After", "10");
            ProblemResponse.write(request, response, 503, "Service Unavailable",
                    "The delivery could not be stored just now; send it again (Jira retries on its own).");
        }
    }

    private static String tooLarge() {
        return "A webhook delivery is at most " + MAX_BODY_BYTES / (1024 * 1024) + " MB; nothing was recorded.";
    }
}
