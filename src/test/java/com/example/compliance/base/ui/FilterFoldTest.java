package com.example.compliance.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every view with filters has them in one {@link FilterFold}: on a phone a "Filters" button (naming what it controls
 * and whether it is open) shows and hides them; on a desktop all filters are in the bar.
 */
class FilterFoldTest extends KaribuTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            violations   | ANALYST | Search;Case;Severity;Status;Framework;Jira ticket;Overdue
            tickets      | ANALYST | Case;Project;Sort by;View
            tickets/list | ANALYST | Case;Project;Status category;Assignee;Overdue only
            dashboard    | ANALYST | Case;Framework;Severity;Period
            admin/audit  | ADMIN   | From (UTC);To (UTC);Actor;Action;Outcome
            """)
    void the_views_filters_fold_behind_one_filters_button(String route, Role role, String labels) {
        loginAs("fold-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
        UI.getCurrent().navigate(route);

        var fold = _get(FilterFold.class);
        var bar = fold.getChildren().filter(c -> c.hasClassName("filter-bar")).findFirst().orElseThrow();
        assertThat(_find(bar, Component.class).stream().map(FilterFoldTest::label).toList())
                .containsAll(List.of(labels.split(";")));

        var toggle = fold.toggle();
        assertThat(toggle.getText()).isEqualTo("Filters");
        assertThat(toggle.getElement().getAttribute("aria-controls")).isEqualTo(bar.getId().orElseThrow());
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        ButtonKt._click(toggle);
        assertThat(fold.isOpen()).isTrue();
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        ButtonKt._click(toggle);
        assertThat(fold.isOpen()).isFalse();
    }

    private static String label(Component c) {
        if (c instanceof Select<?> select) {
            return select.getLabel();
        }
        if (c instanceof HasLabel labelled) {
            return labelled.getLabel();
        }
        return c instanceof com.vaadin.flow.component.checkbox.Checkbox box ? box.getLabel() : "";
    }
}
