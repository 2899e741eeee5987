package com.example.compliance.finding;

import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the import tests share: an analyst, a fresh case per test, and a clock ten years back while they run, because
 * imported SARIF findings carry the import's time and must never crowd the newest-first pages other tests look at.
 */
abstract class FindingImportTest extends IntegrationTest {

    @Autowired
    MutableClock clock;

    protected Credentials analyst;
    protected String caseId;

    /** The analyst's user name and the case's name and framework, per test class. */
    protected abstract String analystName();

    protected abstract String caseName();

    protected abstract String framework();

    @BeforeEach
    void newCaseTenYearsAgo() {
        clock.advance(Duration.ofDays(-3650));
        analyst = users.analyst(analystName());
        newCase();
    }

    /** Starts over in another fresh case. */
    protected void newCase() {
        caseId = post(analyst, "/api/cases", "{\"name\":\"" + caseName() + "\",\"framework\":\"" + framework() + "\"}")
                .json().get("id").asString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Every violation of the test's case, page by page. */
    protected List<JsonNode> all() {
        var all = new ArrayList<JsonNode>();
        for (int page = 0; ; page++) {
            var json = get(analyst, "/api/cases/" + caseId + "/violations?size=500&page=" + page).json();
            json.get("items").forEach(all::add);
            if (page + 1 >= json.get("total_pages").asInt()) {
                return all;
            }
        }
    }
}
