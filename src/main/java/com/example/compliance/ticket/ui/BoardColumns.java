package com.example.compliance.ticket.ui;

import com.example.compliance.ticket.StatusCategory;
import com.example.compliance.ticket.TicketDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The board's columns, one per status category, and their cards. A card whose ticket shows exactly what it showed
 * before is kept: a webhook that changes one ticket redraws one card, not the board (while Jira is busy, a refresh per
 * delivery is the usual case, and each new component costs the server and the browser).
 */
final class BoardColumns {

    /** A card as drawn, and the ticket's details it shows. */
    private record DrawnCard(TicketDetails ticket, Component card) {}

    private final HorizontalLayout board;
    private final Map<StatusCategory, Div> columns = new EnumMap<>(StatusCategory.class);
    private final Map<StatusCategory, Span> counts = new EnumMap<>(StatusCategory.class);
    private Map<UUID, DrawnCard> drawn = Map.of();

    BoardColumns(HorizontalLayout board) {
        this.board = board;
    }

    /** Empties the board (the list mode shows the tickets instead). */
    void clear() {
        board.removeAll();
        columns.clear();
        counts.clear();
        drawn = Map.of();
    }

    /**
     * Shows these columns in this order with their tickets in order; {@code reuse} false draws every card anew.
     */
    void show(List<StatusCategory> categories, Map<StatusCategory, List<TicketDetails>> byCategory, boolean reuse,
            Function<TicketDetails, Component> card) {
        var next = new HashMap<UUID, DrawnCard>();
        List<Component> shown = categories.stream().map(category -> {
            Div column = columns.computeIfAbsent(category, this::column);
            var items = byCategory.getOrDefault(category, List.of());
            counts.get(category).setText(String.valueOf(items.size()));
            fill(column, items.stream().map(t -> {
                DrawnCard before = drawn.get(t.id());
                Component drawnCard = reuse && before != null && before.ticket().equals(t) ? before.card() : card.apply(t);
                next.put(t.id(), new DrawnCard(t, drawnCard));
                return drawnCard;
            }).toList());
            return (Component) column;
        }).toList();
        columns.keySet().retainAll(categories);
        counts.keySet().retainAll(categories);
        drawn = next;
        if (!board.getChildren().toList().equals(shown)) {
            board.removeAll();
            shown.forEach(board::add);
        }
    }

    private Div column(StatusCategory category) {
        var title = new H3(category.label());
        var count = new Span();
        count.getElement().getThemeList().add("badge pill contrast");
        count.addClassName("column-count");
        counts.put(category, count);
        var header = new Div(title, count);
        header.addClassName("board-column-header");
        var column = new Div(header);
        column.addClassNames("board-column", "board-column-" + category.name());
        column.getElement().setAttribute("data-category", category.name());
        return column;
    }

    /**
     * Puts the cards under the column's header. Unchanged: nothing happens. Only cards drawn anew differ, each in the
     * place of the one it replaces: those places change. Otherwise (a card moved up or down) the column is laid out
     * again.
     */
    private static void fill(Div column, List<Component> cards) {
        var header = column.getComponentAt(0);
        var current = column.getChildren().skip(1).toList();
        if (cards.isEmpty()) {
            if (current.size() != 1 || !current.getFirst().hasClassName("board-empty")) {
                var empty = new Span("No tickets");
                empty.addClassName("board-empty");
                column.removeAll();
                column.add(header, empty);
            }
            return;
        }
        if (current.equals(cards)) {
            return;
        }
        boolean onlyNewCardsDiffer = current.size() == cards.size();
        for (int i = 0; onlyNewCardsDiffer && i < cards.size(); i++) {
            onlyNewCardsDiffer = current.get(i) == cards.get(i) || cards.get(i).getParent().isEmpty();
        }
        if (onlyNewCardsDiffer) {
            for (int i = 0; i < cards.size(); i++) {
                if (current.get(i) != cards.get(i)) {
                    column.getElement().setChild(i + 1, cards.get(i).getElement());
                }
            }
            return;
        }
        column.removeAll();
        column.add(header);
        cards.forEach(column::add);
    }
}
