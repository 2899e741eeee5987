package com.example.compliance.violation.ui;

import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationFilter;
import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Actions and sections other features add to the violations grid and the violation's and case's pages (the ticket
 * feature: "Create Jira ticket", the tickets, the case's Epics), so the violation feature offers them without importing
 * those features. Implementations are Spring beans.
 */
public interface ViolationActions {

    /** What an action sees of the grid, and how it asks the grid to reload. */
    interface Context {

        Set<ViolationDetails> selection();

        ViolationFilter filter();

        /** The case the grid is filtered to, or null. */
        CaseRef selectedCase();

        void refresh();

        /** Narrows the grid to the violations one findings import created; {@code label} names it ("Import 3"). */
        void showImport(java.util.UUID importId, String label);

        /** Called whenever the selection or the filters change, so buttons can enable or disable themselves. */
        void onChange(Runnable listener);
    }

    record CaseRef(java.util.UUID id, String name) {}

    /** Buttons for the toolbar above the grid. */
    List<Component> toolbar(Context context);

    /** A small component for one row's action cell, if this violation has an action. */
    Optional<Component> rowAction(ViolationDetails violation, Context context);

    /** A section for the violation's own page (the ticket feature: its tickets with status and link), if any. */
    default Optional<Component> pageSection(ViolationDetails violation) {
        return Optional.empty();
    }

    /** A titled section for the case's page (the ticket feature: the case's Epics in Jira), if any. */
    default Optional<Component> caseSection(CaseRef auditCase) {
        return Optional.empty();
    }
}
