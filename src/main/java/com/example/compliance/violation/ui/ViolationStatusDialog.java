package com.example.compliance.violation.ui;

import com.example.compliance.base.ApplicationException;
import com.example.compliance.base.Notifications;
import com.example.compliance.violation.BulkStatusRequest;
import com.example.compliance.violation.ChangeStatusRequest;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusRules;
import com.example.compliance.violation.ViolationStatusService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Sets the status of one violation or of a selection: asks for a justification where the status needs one (accepting
 * a risk, a false positive, rejecting a claim) and for the date until which a risk is accepted. The Jira ticket is
 * updated in the background.
 */
class ViolationStatusDialog extends Dialog {

    private final TextArea justification = new TextArea("Justification");
    private final DatePicker acceptedUntil = new DatePicker("Accepted until");

    ViolationStatusDialog(ViolationStatusService statuses, List<UUID> violationIds, ViolationStatus from,
            ViolationStatus to, Runnable afterSave) {
        String action = ViolationStatusLabels.action(from, to);
        setHeaderTitle(action + (violationIds.size() == 1 ? "" : " " + violationIds.size() + " violations"));
        boolean rejection = ViolationStatusRules.isRejection(from, to);
        justification.setLabel(rejection ? "Why is the remediation rejected?" : "Justification");
        justification.setRequired(to.needsJustification() || rejection);
        justification.setMaxLength(ViolationStatusRules.MAX_JUSTIFICATION);
        justification.setWidthFull();
        acceptedUntil.setMin(LocalDate.now().plusDays(1));
        acceptedUntil.setRequired(true);
        acceptedUntil.setVisible(to == ViolationStatus.RISK_ACCEPTED);
        var hint = new Paragraph(to.closesTicket() ? "Open Jira tickets are closed with a comment saying who and why."
                : rejection ? "The Jira issue moves back to a to-do status with your reason as a comment." : "");
        add(new VerticalLayout(hint, justification, acceptedUntil));
        var save = new Button(action, e -> {
            try {
                if (violationIds.size() == 1) {
                    statuses.changeStatus(violationIds.getFirst(), new ChangeStatusRequest(to, justification.getValue(),
                            acceptedUntil.getValue()));
                    Notifications.success(ViolationStatusLabels.label(to) + ".");
                } else {
                    var result = statuses.changeStatuses(new BulkStatusRequest(violationIds, to, justification.getValue(),
                            acceptedUntil.getValue()));
                    Notifications.success(result.changed() + " violations " + ViolationStatusLabels.label(to).toLowerCase()
                            + (result.unchanged() > 0 ? " (" + result.unchanged() + " already were)" : "") + ".");
                }
                close();
                afterSave.run();
            } catch (ApplicationException expected) {
                Notifications.error(expected.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
