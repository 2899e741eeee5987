package com.example.compliance.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place unexpected UI errors end up: expected failures become their own message, everything else is logged
 * with a reference the user can quote.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String message = messageFor(event.getThrowable());
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> Notifications.error(message));
        }
    }

    static String messageFor(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof ApplicationException expected) {
                return expected.getMessage();
            }
            if (t instanceof AccessDeniedException) {
                return "You do not have permission for this action.";
            }
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected UI error (ref {})", ref, throwable);
        return "Something went wrong (ref " + ref + "). Try again; if it keeps happening, quote the reference to your administrator.";
    }
}
