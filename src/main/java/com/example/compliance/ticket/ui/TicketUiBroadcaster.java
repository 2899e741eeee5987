package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.BulkJobProgressed;
import com.example.compliance.ticket.TicketsChanged;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Forwards the ticket feature's Spring events to the open UIs that asked for them, through server push. The handler
 * runs inside {@code ui.access} with the registering user's security context, so it may call services.
 */
@Component
public class TicketUiBroadcaster {

    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();

    private record Listener<E>(UI ui, Class<E> type, Predicate<E> filter, Consumer<E> handler, SecurityContext security) {

        void deliver(Object event) {
            if (!type.isInstance(event) || !filter.test(type.cast(event)) || ui.isClosing()) {
                return;
            }
            ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(security);
                try {
                    handler.accept(type.cast(event));
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            });
        }
    }

    /** Listens for events of this type in this UI until the returned registration is removed. */
    public <E> Registration register(UI ui, Class<E> type, Predicate<E> filter, Consumer<E> handler) {
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        var listener = new Listener<>(ui, type, filter, handler, security);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(TicketsChanged event) {
        broadcast(event);
    }

    @EventListener
    void on(BulkJobProgressed event) {
        broadcast(event);
    }

    private void broadcast(Object event) {
        listeners.forEach(listener -> listener.deliver(event));
    }
}
