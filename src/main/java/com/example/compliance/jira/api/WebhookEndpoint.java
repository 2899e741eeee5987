package com.example.compliance.jira.api;

import com.example.compliance.base.api.ServletOperations;
import com.example.compliance.jira.internal.webhook.WebhookReceiver;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the webhook servlet at its exact path, which takes precedence over Spring MVC's and Vaadin's mappings,
 * and describes it for the OpenAPI document (springdoc sees controllers only), whose shared rules (who may call,
 * problem answers) then apply to it as to every operation.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEndpoint {

    @Bean
    ServletRegistrationBean<JiraWebhookServlet> jiraWebhookServlet(WebhookReceiver receiver) {
        var registration = new ServletRegistrationBean<>(new JiraWebhookServlet(receiver), JiraWebhookServlet.PATH);
        registration.setName("jiraWebhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    ServletOperations webhookOperation() {
        return openApi -> openApi.path(JiraWebhookServlet.PATH, new PathItem().post(new Operation()
                .operationId("receiveJiraWebhook")
                .addTagsItem("jira-webhooks")
                .summary("A Jira webhook delivery (dynamic webhooks registered by this app)")
                .addParametersItem(new HeaderParameter().name("X-Atlassian-Webhook-Identifier")
                        .description("Jira's id of the delivery, the same on its retries: a repeat is accepted and ignored")
                        .schema(new StringSchema()))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new ObjectSchema().description("Jira's event: webhookEvent, timestamp, "
                                + "issue, changelog, matchedWebhookIds")))))
                .responses(new ApiResponses()
                        .addApiResponse("204", new ApiResponse().description("Stored; applied afterwards"))
                        .addApiResponse("405", new ApiResponse().description("Not a POST"))
                        .addApiResponse("413", new ApiResponse().description("Larger than "
                                + JiraWebhookServlet.MAX_BODY_BYTES / (1024 * 1024) + " MB; nothing recorded"))
                        .addApiResponse("503", new ApiResponse().description("Not stored just now; Jira sends it "
                                + "again")))));
    }
}
