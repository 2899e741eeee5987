package com.example.compliance.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A view's filter bar that folds behind a "Filters" button on a phone, so the grid or board keeps the screen. On wider
 * windows the button is hidden and the bar always shows; app.css decides (the same breakpoint as {@code WindowWidth}),
 * so folding needs no client code and no server round trip to measure the window.
 */
public class FilterFold extends Div {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Button toggle = new Button("Filters", VaadinIcon.FILTER.create());
    private final HorizontalLayout bar = new HorizontalLayout();

    public FilterFold(Component... filters) {
        addClassName("filter-fold");
        String barId = "filter-bar-" + IDS.incrementAndGet();
        bar.setId(barId);
        bar.addClassName("filter-bar");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.add(filters);
        toggle.addClassName("filters-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-controls", barId);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> setOpen(!isOpen()));
        add(toggle, bar);
    }

    /** Adds filters after the ones given to the constructor (for subclasses whose fields exist only after it). */
    public void addFilters(Component... filters) {
        bar.add(filters);
    }

    /** Open: the bar shows on a phone too. Has no effect on wider windows, where it always shows. */
    public void setOpen(boolean open) {
        setClassName("filters-open", open);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
    }

    public boolean isOpen() {
        return hasClassName("filters-open");
    }

    public Button toggle() {
        return toggle;
    }
}
