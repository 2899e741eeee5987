package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.TicketBulkUpdateService;
import com.example.compliance.ticket.TicketDetails;
import com.example.compliance.ticket.TicketJobService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Selecting tickets on the board for a bulk action: "Select tickets" puts a checkbox beside each card, "Bulk action…"
 * opens {@link BulkActionDialog} for the ticked ones. Kept apart from the board's layout and cards, which it only wraps.
 */
@SpringComponent
@org.springframework.context.annotation.Scope("prototype")
public class BoardSelection extends HorizontalLayout {

    private final TicketBulkUpdateService updates;
    private final TicketJobService jobs;
    private final TicketUiBroadcaster broadcaster;
    private final Map<UUID, TicketDetails> selected = new LinkedHashMap<>();
    private final Button toggle = new Button("Select tickets", VaadinIcon.CHECK_SQUARE_O.create());
    private final Button bulkAction = new Button("Bulk action…");
    private Runnable redraw = () -> { };
    private boolean selecting;

    BoardSelection(TicketBulkUpdateService updates, TicketJobService jobs, TicketUiBroadcaster broadcaster) {
        this.updates = updates;
        this.jobs = jobs;
        this.broadcaster = broadcaster;
        addClassName("board-selection");
        setPadding(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toggle.addClickListener(click -> {
            selecting = !selecting;
            selected.clear();
            toggle.setText(selecting ? "Done selecting" : "Select tickets");
            update();
            redraw.run();
        });
        bulkAction.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkAction.addClickListener(click -> new BulkActionDialog(updates, jobs, broadcaster, List.copyOf(selected.values()),
                () -> redraw.run()).open());
        update();
        add(toggle, bulkAction);
    }

    /** What the board runs to draw itself again (after selecting starts or stops, and after an action). */
    void onRedraw(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Whether the board shows checkboxes: its cards then follow the selection. */
    boolean isSelecting() {
        return selecting;
    }

    /** The card as the board shows it: with a checkbox while selecting. */
    Component wrap(TicketDetails ticket, Component card) {
        if (!selecting) {
            return card;
        }
        var box = new Checkbox();
        box.setAriaLabel("Select " + ticket.jiraTicketKey());
        box.setValue(selected.containsKey(ticket.id()));
        box.addValueChangeListener(e -> {
            if (e.getValue()) {
                selected.put(ticket.id(), ticket);
            } else {
                selected.remove(ticket.id());
            }
            update();
        });
        var row = new Div(box, card);
        row.addClassName("ticket-selectable");
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-xs)").set("align-items", "flex-start");
        card.getElement().getStyle().set("flex", "1").set("min-width", "0");
        return row;
    }

    private void update() {
        bulkAction.setVisible(selecting);
        bulkAction.setEnabled(!selected.isEmpty());
        bulkAction.setText(selected.isEmpty() ? "Bulk action…" : "Bulk action on " + selected.size() + "…");
    }
}
