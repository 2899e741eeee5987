package com.example.compliance.security.ui;

import com.example.compliance.security.UserService;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** A user who must change their password sees no other view until they have. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::reroute));
    }

    private void reroute(BeforeEnterEvent event) {
        if (event.getNavigationTarget() != ChangePasswordView.class && event.getNavigationTarget() != LoginView.class
                && users.passwordChangeRequired()) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
