package com.example.compliance.base;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The app's notifications, so every view reports success and failure the same way. */
public final class Notifications {

    private Notifications() {}

    public static Notification success(String text) {
        return show(text, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    public static Notification error(String text) {
        return show(text, NotificationVariant.LUMO_ERROR, 8000);
    }

    private static Notification show(String text, NotificationVariant variant, int durationMs) {
        var notification = new Notification(text, durationMs, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.open();
        return notification;
    }
}
