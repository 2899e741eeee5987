package com.example.compliance.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.analytics.AnalyticsFixture;
import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.support.MutableClock;
import com.example.compliance.violation.CaseDetails;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.AnchorsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardViewTest extends KaribuTest {

    @Autowired AnalyticsFixture fixture;
    @Autowired MutableClock clock;

    private AnalyticsFixture.Data data;

    @BeforeEach
    void signInWithKnownData() {
        data = fixture.create(clock.instant());
        loginAs("dashboard-analyst", Role.ANALYST);
        UI.getCurrent().navigate("");
    }

    private void chooseFixtureCase() {
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        caseFilter.setValue(caseFilter.getListDataView().getItems().filter(c -> c.id().equals(data.caseId()))
                .findFirst().orElseThrow());
    }

    private static String kpi(String cssClass) {
        return _get(Anchor.class, spec -> spec.withClasses(cssClass))
                .getChildren().filter(c -> c.hasClassName("kpi-value")).map(c -> ((Span) c).getText()).findFirst()
                .orElseThrow();
    }

    @Test
    void the_dashboard_is_the_landing_page_and_first_in_the_menu() {
        assertThat(_find(DashboardView.class)).hasSize(1);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).startsWith("Dashboard");
    }

    @Test
    void kpis_show_the_cases_open_and_overdue_violations() {
        chooseFixtureCase();

        assertThat(kpi("kpi-open")).isEqualTo("6");
        assertThat(kpi("kpi-overdue")).isEqualTo("2");
        assertThat(_get(Anchor.class, spec -> spec.withId("figure-overdue-HIGH")).getText()).isEqualTo("1");
        assertThat(_get(Anchor.class, spec -> spec.withId("figure-open-HIGH")).getText()).isEqualTo("3");
    }

    @Test
    void charts_are_svg_with_a_title_and_a_text_alternative() {
        chooseFixtureCase();

        var trend = _get(Div.class, spec -> spec.withId("chart-trend"));
        String svg = trend.getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("<title id=\"chart-trend-title\">Opened vs resolved per week</title>")
                .contains("Week starting (UTC)").contains("class=\"bar-resolved\"");
        assertThat(trend.getElement().getAttribute("data-text-alternative"))
                .contains(DashboardCharts.WEEK.format(data.t0()) + ": 4 opened, 2 resolved");
        var sla = _get(Div.class, spec -> spec.withId("chart-sla"));
        assertThat(sla.getElement().getAttribute("data-text-alternative")).contains(data.framework() + " 50%");
        assertThat(sla.getElement().getProperty("innerHTML")).contains("framework=" + data.framework())
                .contains("overdue=true");
        assertThat(_get(Div.class, spec -> spec.withId("chart-backlog")).getElement().getProperty("innerHTML"))
                .contains("Open backlog (burndown)").contains("Open violations");
    }

    @Test
    void clicking_the_overdue_kpi_opens_the_grid_filtered_to_the_cases_overdue_violations() {
        chooseFixtureCase();

        AnchorsKt._click(_get(Anchor.class, spec -> spec.withClasses("kpi-overdue")));

        assertThat(_find(ViolationListView.class)).hasSize(1);
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Overdue")).getValue()).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<CaseDetails> caseFilter = _get(ComboBox.class, spec -> spec.withLabel("Case"));
        assertThat(caseFilter.getValue().id()).isEqualTo(data.caseId());
        @SuppressWarnings("unchecked")
        Grid<ViolationDetails> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).overdue()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withClasses("match-count")).getText()).isEqualTo("2 matching violations");
    }
}
