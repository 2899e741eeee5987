package com.example.compliance.jira.internal;

import com.example.compliance.base.SafeLinks;
import com.example.compliance.jira.JiraConnectException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A Jira site the user's grant covers (Atlassian's accessible-resources). */
@Entity
@Table(name = "jira_site")
public class JiraSiteLink {

    @EmbeddedId
    private Key id;

    @Column(nullable = false, length = 500)
    private String url;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "avatar_url", length = 1000)
    private String avatarUrl;

    protected JiraSiteLink() {}

    /** Refuses a site URL that is not https on its host (or the sandbox's): it becomes a link in the UI. */
    public JiraSiteLink(UUID userId, String cloudId, String url, String name, String avatarUrl) {
        if (!SafeLinks.isSafe(url)) {
            throw new JiraConnectException(JiraConnectException.Reason.UNSAFE_SITE_URL);
        }
        this.id = new Key(userId, cloudId);
        this.url = url;
        this.name = name;
        this.avatarUrl = SafeLinks.isSafe(avatarUrl) ? avatarUrl : null;
    }

    public String getCloudId() { return id.cloudId; }
    public UUID getUserId() { return id.userId; }
    public String getUrl() { return url; }
    public String getName() { return name; }
    public String getAvatarUrl() { return avatarUrl; }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id")
        private UUID userId;

        @Column(name = "cloud_id", length = 64)
        private String cloudId;

        protected Key() {}

        Key(UUID userId, String cloudId) {
            this.userId = userId;
            this.cloudId = cloudId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId.equals(userId) && k.cloudId.equals(cloudId);
        }

        @Override
        public int hashCode() {
            return userId.hashCode() * 31 + cloudId.hashCode();
        }
    }
}
