package com.example.compliance.finding.ui;

import com.example.compliance.finding.TicketRuleService;
import com.example.compliance.security.UserService;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ui.ViolationActions;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;

/** "Ticket rule" on the violations view, for the case chosen in its filter. */
@org.springframework.stereotype.Component
class TicketRuleAction implements ViolationActions {

    private final TicketRuleService rules;
    private final UserService users;

    TicketRuleAction(TicketRuleService rules, UserService users) {
        this.rules = rules;
        this.users = users;
    }

    @Override
    public List<Component> toolbar(Context context) {
        var button = new Button("Ticket rule", VaadinIcon.AUTOMATION.create(),
                click -> new TicketRuleDialog(rules, context.selectedCase(), users.currentUser().username()).open());
        button.addClassName("ticket-rule");
        Runnable update = () -> button.setEnabled(context.selectedCase() != null);
        context.onChange(update);
        update.run();
        return List.of(button);
    }

    @Override
    public Optional<Component> rowAction(ViolationDetails violation, Context context) {
        return Optional.empty();
    }
}
