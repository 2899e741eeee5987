package com.example.compliance.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Tells a view whether the browser window is narrow (a phone), at attach and whenever it is resized, so grids can
 * switch to a compact column set without client code. A browser that never reports its width counts as wide.
 */
public final class WindowWidth {

    /** Windows narrower than this get the compact layout; app.css uses the same breakpoint. */
    public static final int COMPACT_BELOW_PX = 760;

    private WindowWidth() {}

    public static void onCompactChange(Component view, Consumer<Boolean> compact) {
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(d -> compact.accept(d.getWindowInnerWidth() < COMPACT_BELOW_PX));
            Registration resize = page.addBrowserWindowResizeListener(e -> compact.accept(e.getWidth() < COMPACT_BELOW_PX));
            view.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** On a phone, only the columns with these keys stay visible (the rest return on a wider window). */
    public static void compactColumns(Component view, com.vaadin.flow.component.grid.Grid<?> grid,
            java.util.Set<String> keep) {
        onCompactChange(view, compact -> grid.getColumns().forEach(
                column -> column.setVisible(!compact || column.getKey() == null || keep.contains(column.getKey()))));
    }
}
