package com.example.compliance.sandbox.jira;

import static com.example.compliance.sandbox.Html.esc;

import com.example.compliance.sandbox.DemoDirectory;
import com.example.compliance.sandbox.DemoDirectory.Site;
import com.example.compliance.sandbox.Html;
import com.example.compliance.sandbox.SandboxEnabled;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browsable side of a sandbox site ({@code <site url>} and {@code <site url>/browse/<KEY>}): what a person sees
 * when following a ticket link, with buttons to move the issue through the workflow during a demo.
 */
@RestController
@SandboxEnabled
class SitePageController {

    private final DemoDirectory directory;
    private final IssueStore issues;

    SitePageController(DemoDirectory directory, IssueStore issues) {
        this.directory = directory;
        this.issues = issues;
    }

    @GetMapping(path = "/sandbox/site/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> site(@PathVariable String slug) {
        Optional<Site> site = directory.siteBySlug(slug);
        if (site.isEmpty()) {
            return notFound("There is no sandbox site called " + slug + ".");
        }
        var body = new StringBuilder("<h1>").append(esc(site.get().name())).append("</h1>");
        for (var project : site.get().projects()) {
            body.append("<h2>").append(esc(project.name())).append(" (").append(esc(project.key())).append(")</h2>");
            var projectIssues = issues.all(site.get().cloudId()).stream()
                    .filter(i -> i.projectKey().equals(project.key())).toList();
            if (projectIssues.isEmpty()) {
                body.append("<p class=\"note\">No issues yet.</p>");
                continue;
            }
            body.append("<table><tr><th>Key</th><th>Summary</th><th>Status</th></tr>");
            for (Issue issue : projectIssues) {
                body.append("<tr><td><a href=\"/sandbox/site/").append(esc(slug)).append("/browse/")
                        .append(esc(issue.key())).append("\">").append(esc(issue.key())).append("</a></td><td>")
                        .append(esc(issue.summary())).append("</td><td>").append(lozenge(issue.status()))
                        .append("</td></tr>");
            }
            body.append("</table>");
        }
        return html(200, Html.page(site.get().name(), header(site.get()), body.toString()));
    }

    /** The site's avatar: its initials on a coloured square, as Atlassian draws sites without a logo. */
    @GetMapping(path = "/sandbox/site/{slug}/avatar.svg", produces = "image/svg+xml")
    ResponseEntity<String> avatar(@PathVariable String slug) {
        Optional<Site> site = directory.siteBySlug(slug);
        if (site.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String initials = java.util.Arrays.stream(site.get().name().split("\\s+")).filter(w -> !w.isEmpty())
                .limit(2).map(w -> w.substring(0, 1).toUpperCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining());
        String colour = Math.floorMod(slug.hashCode(), 2) == 0 ? "#0052CC" : "#00875A";
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">                <rect width="96" height="96" rx="12" fill="%s"/>                <text x="48" y="60" font-family="sans-serif" font-size="40" font-weight="bold" fill="#fff" text-anchor="middle">%s</text>                </svg>""".formatted(colour, esc(initials));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "max-age=3600").body(svg);
    }

    @GetMapping(path = "/sandbox/site/{slug}/browse/{key}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> browse(@PathVariable String slug, @PathVariable String key) {
        Optional<Site> site = directory.siteBySlug(slug);
        Optional<Issue> found = site.flatMap(s -> issues.find(s.cloudId(), key));
        if (found.isEmpty()) {
            return notFound("Issue " + key + " does not exist on this site.");
        }
        Issue issue = found.get();
        if (!issue.key().equalsIgnoreCase(key)) {
            return ResponseEntity.status(301).header(HttpHeaders.LOCATION,
                    "/sandbox/site/" + slug + "/browse/" + issue.key()).build();
        }
        var project = site.get().project(issue.projectKey()).orElseThrow();
        var body = new StringBuilder();
        body.append("<p class=\"note\"><a href=\"/sandbox/site/").append(esc(slug)).append("\">")
                .append(esc(project.name())).append("</a> / ").append(esc(issue.key())).append("</p>");
        body.append("<h1>").append(esc(issue.summary())).append("</h1>");
        body.append("<p>Status: ").append(lozenge(issue.status())).append("</p>");
        body.append("<form method=\"post\" action=\"/sandbox/site/").append(esc(slug)).append("/browse/")
                .append(esc(issue.key())).append("/transition\" class=\"buttons\">");
        for (Status status : Status.values()) {
            if (status != issue.status()) {
                body.append("<button type=\"submit\" name=\"status\" value=\"").append(esc(status.displayName))
                        .append("\"").append(status == Status.DONE ? " class=\"primary\"" : "").append(">Move to ")
                        .append(esc(status.displayName)).append("</button>");
            }
        }
        body.append("</form>");
        body.append("<h2>Description</h2><pre>").append(esc(issue.descriptionText())).append("</pre>");
        body.append("<h2>Details</h2><table>");
        row(body, "Type", project.issueType(issue.issueTypeId()).map(DemoDirectory.IssueType::name).orElse(""));
        row(body, "Priority", project.priority(issue.priorityId()).map(DemoDirectory.Priority::name).orElse(""));
        row(body, "Assignee", issue.assigneeId() == null ? "Unassigned"
                : directory.account(issue.assigneeId()).map(DemoDirectory.Account::displayName).orElse(""));
        var labels = new StringBuilder();
        issue.labels().forEach(l -> labels.append("<span class=\"label\">").append(esc(l)).append("</span>"));
        body.append("<tr><th>Labels</th><td>").append(labels.isEmpty() ? "None" : labels).append("</td></tr>");
        for (var field : project.customFields()) {
            var value = issue.customFields().get(field.id());
            row(body, field.name(), value == null ? "" : value.has("value") ? value.get("value").asString() : value.asString());
        }
        if (!issue.previousKeys().isEmpty()) {
            row(body, "Previous keys", String.join(", ", issue.previousKeys()));
        }
        body.append("</table>");
        return html(200, Html.page(issue.key() + ": " + issue.summary(), header(site.get()), body.toString()));
    }

    @PostMapping("/sandbox/site/{slug}/browse/{key}/transition")
    ResponseEntity<String> transition(@PathVariable String slug, @PathVariable String key,
            @RequestParam(name = "status", required = false) String status) {
        Optional<Issue> issue = directory.siteBySlug(slug).flatMap(s -> issues.find(s.cloudId(), key));
        if (issue.isEmpty()) {
            return notFound("Issue " + key + " does not exist on this site.");
        }
        Status.byName(status == null ? "" : status).ifPresent(target -> issues.transition(issue.get(), target));
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION,
                "/sandbox/site/" + slug + "/browse/" + issue.get().key()).build();
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String lozenge(Status status) {
        return "<span class=\"lozenge cat-" + status.categoryKey + "\">" + esc(status.displayName) + "</span>";
    }

    private static String header(Site site) {
        return "Jira <small>" + esc(site.name()) + " · sandbox</small>";
    }

    private static ResponseEntity<String> notFound(String message) {
        return html(404, Html.page("Not found", "Jira <small>sandbox</small>",
                "<h1>Not found</h1><div class=\"error\">" + esc(message) + "</div>"));
    }

    private static ResponseEntity<String> html(int status, String page) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }
}
