package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.BulkJobDetails;
import com.example.compliance.ticket.JobItemStatus;
import com.example.compliance.ticket.JobStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A bulk job's progress inside the create dialog (or the bulk action dialog), then its result with the failed
 * violations (tickets) and a retry.
 */
class BulkJobProgress extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar();
    private final Span progressText = new Span();
    private final Span counts = new Span();
    private final Div result = new Div();
    private final UnorderedList failures = new UnorderedList();
    private final Button retry = new Button("Retry failed");

    /** {@code titles} names the violations the dialog knows; others show by id. */
    BulkJobProgress(Map<UUID, String> titles, Consumer<BulkJobDetails> onRetry) {
        this.titles = titles;
        addClassName("bulk-job-progress");
        setPadding(false);
        progressText.addClassName("job-progress-text");
        counts.addClassName("job-counts");
        result.addClassName("job-result");
        failures.addClassName("job-failures");
        retry.addClickListener(click -> onRetry.accept(current));
        retry.setVisible(false);
        bar.setMin(0);
        add(bar, progressText, counts, result, failures, retry);
    }

    private final Map<UUID, String> titles;
    private BulkJobDetails current;

    void update(BulkJobDetails job) {
        current = job;
        bar.setMax(Math.max(1, job.total()));
        bar.setValue(job.done());
        bar.setIndeterminate(job.status() == JobStatus.RUNNING && job.done() == 0);
        progressText.setText(job.done() + " of " + job.total());
        boolean update = "UPDATE".equals(job.kind());
        counts.setText(update ? job.updated() + " updated, " + job.skipped() + " unchanged (already so), " + job.failed() + " failed"
                : job.created() + " created, " + job.skipped() + " skipped (already had a ticket), " + job.failed() + " failed");
        failures.removeAll();
        boolean finished = job.status() != JobStatus.RUNNING;
        if (!finished) {
            result.setText((update ? "Updating tickets…" : "Creating tickets…")
                    + " You can close this dialog; the job continues and tells you when it has finished.");
        } else if (job.status() == JobStatus.FAILED) {
            result.setText("The job stopped: " + (job.error() == null ? "see the failed violations below." : job.error()));
        } else {
            result.setText(job.failed() == 0 ? "Done." : "Done, with " + job.failed() + " failed.");
        }
        if (finished) {
            job.items().stream().filter(i -> i.status() == JobItemStatus.FAILED).forEach(i -> failures.add(new ListItem(
                    (update && i.jiraTicketKey() != null ? i.jiraTicketKey()
                            : i.title() != null ? i.title()
                            : titles.getOrDefault(i.violationId(), String.valueOf(i.violationId())))
                            + (i.resource() == null || i.resource().isBlank() ? "" : " (" + i.resource() + ")")
                            + ": " + i.error())));
        }
        retry.setVisible(finished && job.failed() > 0);
    }

    static boolean finished(BulkJobDetails job) {
        return job.status() != JobStatus.RUNNING;
    }
}
