package com.example.compliance.violation.ui;

import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationStatus;
import com.example.compliance.violation.ViolationStatusRules;
import com.example.compliance.violation.ViolationStatusService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.menubar.MenuBar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * "Set status" on the grid's selection: the statuses every selected violation may take (one background job updates
 * their Jira tickets). Verify and reject appear when the selection is awaiting verification.
 */
@org.springframework.stereotype.Component
class StatusViolationActions implements ViolationActions {

    private final ViolationStatusService statuses;

    StatusViolationActions(ViolationStatusService statuses) {
        this.statuses = statuses;
    }

    @Override
    public List<Component> toolbar(Context context) {
        var menu = new MenuBar();
        var root = menu.addItem("Set status");
        menu.addClassName("set-status");
        Runnable rebuild = () -> {
            root.getSubMenu().removeAll();
            Set<ViolationDetails> selection = context.selection();
            var from = selection.stream().map(ViolationDetails::status).collect(Collectors.toSet());
            menu.setEnabled(!selection.isEmpty());
            for (ViolationStatus to : ViolationStatus.values()) {
                if (selection.isEmpty() || !from.stream().allMatch(f -> f == to || ViolationStatusRules.allowed(f, to))
                        || to == ViolationStatus.REMEDIATION_CLAIMED || from.equals(Set.of(to))) {
                    continue;
                }
                ViolationStatus single = from.size() == 1 ? from.iterator().next() : ViolationStatus.OPEN;
                MenuItem item = root.getSubMenu().addItem(ViolationStatusLabels.action(single, to), e ->
                        new ViolationStatusDialog(statuses, selection.stream().map(ViolationDetails::id).toList(), single,
                                to, context::refresh).open());
                item.addClassName("set-status-" + to.name().toLowerCase());
            }
        };
        rebuild.run();
        context.onChange(rebuild);
        return List.of(menu);
    }

    @Override
    public Optional<Component> rowAction(ViolationDetails violation, Context context) {
        return Optional.empty();
    }
}
