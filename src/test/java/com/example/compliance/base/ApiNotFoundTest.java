package com.example.compliance.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ApiNotFoundTest extends IntegrationTest {

    @Test
    void an_unknown_api_path_is_a_404_problem_not_the_apps_html_page() {
        var analyst = users.analyst("api-404-analyst");

        var response = get(analyst, "/api/no-such-endpoint");
        var problem = response.problem(404);
        assertThat(problem.get("detail").asString()).isEqualTo(
                "There is no API endpoint GET /api/no-such-endpoint. The README's REST section lists the endpoints.");

        post(analyst, "/api/cases/not-a-path/at-all", "{}").problem(404);
    }

    @Test
    void an_unknown_api_path_without_credentials_is_still_a_401_problem() {
        get(null, "/api/no-such-endpoint").problem(401);
    }
}
