package com.example.compliance.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.compliance.jira.JiraConnectException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Site addresses from Atlassian's accessible-resources become links, so only https ones are stored. */
class JiraSiteLinkTest {

    @Test
    void a_javascript_site_url_from_atlassian_is_refused_and_never_stored() {
        assertThatThrownBy(() -> new JiraSiteLink(UUID.randomUUID(), "cloud-1", "javascript:alert(1)", "Evil", null))
                .isInstanceOfSatisfying(JiraConnectException.class,
                        e -> assertThat(e.reason()).isEqualTo(JiraConnectException.Reason.UNSAFE_SITE_URL));
    }

    @Test
    void an_https_site_is_stored_and_an_unsafe_avatar_is_dropped() {
        var link = new JiraSiteLink(UUID.randomUUID(), "cloud-1", "https://acme.atlassian.net", "Acme",
                "data:image/svg+xml,<svg onload=alert(1)>");

        assertThat(link.getUrl()).isEqualTo("https://acme.atlassian.net");
        assertThat(link.getAvatarUrl()).isNull();
    }
}
