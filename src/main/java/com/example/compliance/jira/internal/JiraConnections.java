package com.example.compliance.jira.internal;

import com.example.compliance.base.InvalidInputException;
import com.example.compliance.base.InvalidInputException.InputError;
import com.example.compliance.base.ServiceUnavailableException;
import com.example.compliance.jira.ConnectionStatus;
import com.example.compliance.jira.JiraAccount;
import com.example.compliance.jira.JiraOperation;
import com.example.compliance.jira.internal.call.JiraCaller;
import com.example.compliance.jira.JiraConnectException;
import com.example.compliance.jira.JiraConnectionRow;
import com.example.compliance.jira.JiraConnectException.Reason;
import com.example.compliance.jira.JiraNotConnectedException;
import com.example.compliance.jira.JiraSite;
import com.example.compliance.jira.JiraStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The connection's workflow behind {@code JiraConnectionService}: database steps in short transactions around Atlassian calls. */
@Component
public class JiraConnections {

    private static final Logger log = LoggerFactory.getLogger(JiraConnections.class);
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    public static final Duration CONSENT_LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuthStateRepository states;
    private final JiraCredentialRepository credentials;
    private final JiraSiteLinkRepository sites;
    private final AtlassianOAuthClient oauth;
    private final JiraHttp http;
    private final JiraTokens tokens;
    private final TokenCipher cipher;
    private final JiraSettings settings;
    private final JiraEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JiraCaller caller;
    private final Duration keepAliveAfter;
    private final com.example.compliance.jira.internal.webhook.WebhookRegistrations webhookRegistrations;

    JiraConnections(OAuthStateRepository states, JiraCredentialRepository credentials, JiraSiteLinkRepository sites,
            AtlassianOAuthClient oauth, JiraHttp http, JiraTokens tokens, TokenCipher cipher, JiraSettings settings,
            JiraEvents events, TransactionTemplate tx, Clock clock, JiraCaller caller,
            @Value("${app.jira.keep-alive-after}") Duration keepAliveAfter,
            com.example.compliance.jira.internal.webhook.WebhookRegistrations webhookRegistrations) {
        this.webhookRegistrations = webhookRegistrations;
        this.states = states;
        this.credentials = credentials;
        this.sites = sites;
        this.oauth = oauth;
        this.http = http;
        this.tokens = tokens;
        this.cipher = cipher;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.caller = caller;
        this.keepAliveAfter = keepAliveAfter;
    }

    public String redirectUri() {
        return settings.redirectUri();
    }

    public boolean sandboxMode() {
        return settings.sandboxMode();
    }

    public String startConnect(UUID userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> states.save(new OAuthState(state, userId, now, now.plus(STATE_LIFETIME))));
        return oauth.authorizationUrl(state);
    }

    public JiraStatus completeConnect(UUID userId, String username, String state, String code, String error) {
        Reason stateProblem = consumeState(userId, state);
        if (stateProblem != null) {
            throw new JiraConnectException(stateProblem);
        }
        if (error != null && !error.isBlank()) {
            throw new JiraConnectException("access_denied".equals(error) ? Reason.DENIED : Reason.EXCHANGE_FAILED);
        }
        if (code == null || code.isBlank()) {
            throw new JiraConnectException(Reason.MISSING_CODE);
        }
        AtlassianOAuthClient.TokenGrant grant;
        List<JiraHttp.AccessibleResource> resources;
        JiraHttp.Myself myself;
        String activeCloudId;
        try {
            grant = oauth.exchangeCode(code, state);
            resources = http.accessibleResources(grant.accessToken());
            if (resources == null || resources.isEmpty()) {
                throw new JiraConnectException(Reason.NO_SITES);
            }
            activeCloudId = previousActiveSite(userId, resources);
            myself = http.myself(activeCloudId, grant.accessToken());
        } catch (AtlassianOAuthClient.GrantRejectedException | JiraHttp.UnauthorizedException e) {
            log.info("Jira connect for user {} failed at Atlassian: {}", userId, e.getMessage());
            throw new JiraConnectException(Reason.EXCHANGE_FAILED);
        } catch (ServiceUnavailableException e) {
            throw new JiraConnectException(Reason.ATLASSIAN_UNAVAILABLE);
        }
        Instant now = clock.instant();
        String siteName = resources.stream().filter(r -> r.id().equals(activeCloudId)).findFirst().map(JiraHttp.AccessibleResource::name).orElse(activeCloudId);
        tx.executeWithoutResult(s -> {
            var credential = credentials.findById(userId).orElseGet(() -> new JiraCredential(userId));
            credential.connect(cipher.encrypt(grant.accessToken()), cipher.encrypt(grant.refreshToken()), grant.expiresAt(),
                    String.join(" ", grant.scopes()), now, myself.accountId(), myself.displayName(), activeCloudId);
            credentials.saveAndFlush(credential);
            sites.deleteByUser(userId);
            sites.flush();
            for (var r : resources) {
                sites.save(new JiraSiteLink(userId, r.id(), r.url(), r.name(), r.avatarUrl()));
            }
            events.connected(username, userId, siteName);
        });
        webhookRegistrations.forgetRefusals(userId);
        return status(userId);
    }

    public JiraStatus status(UUID userId) {
        return tx.execute(s -> {
            var found = credentials.findById(userId);
            if (found.isEmpty()) {
                return JiraStatus.notConnected(settings.sandboxMode());
            }
            var c = found.get();
            List<JiraSite> siteList = sites.findByUser(userId).stream()
                    .map(l -> new JiraSite(l.getCloudId(), l.getUrl(), l.getName(), l.getAvatarUrl())).toList();
            var active = siteList.stream().filter(x -> x.cloudId().equals(c.getActiveCloudId())).findFirst();
            boolean connected = c.getStatus() == ConnectionStatus.CONNECTED;
            return new JiraStatus(connected, c.getStatus(), active.map(JiraSite::siteUrl).orElse(null),
                    active.map(JiraSite::siteName).orElse(null), c.getActiveCloudId(),
                    active.map(JiraSite::avatarUrl).orElse(null), connected ? c.getExpiresAt() : null, siteList,
                    c.getAccountId(), c.getDisplayName(), c.getStatus() == ConnectionStatus.NEEDS_RECONNECT,
                    c.getLastError(), Arrays.stream(c.getScopes().split(" ")).filter(x -> !x.isBlank()).toList(),
                    c.getConsentedAt(), c.getConsentedAt().plus(CONSENT_LIFETIME), c.getLastRefreshedAt(),
                    settings.sandboxMode());
        });
    }

    /** Every stored connection: one query for the credentials, one for all their sites. */
    public List<JiraConnectionRow> listConnections() {
        var sitesByUser = sites.findAll().stream().collect(Collectors.groupingBy(JiraSiteLink::getUserId,
                Collectors.mapping(l -> new JiraSite(l.getCloudId(), l.getUrl(), l.getName(), l.getAvatarUrl()),
                        Collectors.toList())));
        return credentials.findAll().stream().map(c -> {
            List<JiraSite> siteList = sitesByUser.getOrDefault(c.getUserId(), List.of()).stream()
                    .sorted(Comparator.comparing(JiraSite::siteName)).toList();
            var active = siteList.stream().filter(x -> x.cloudId().equals(c.getActiveCloudId())).findFirst().orElse(null);
            boolean connected = c.getStatus() == ConnectionStatus.CONNECTED;
            return new JiraConnectionRow(c.getUserId(), c.getStatus(), c.getAccountId(), c.getDisplayName(), active, siteList,
                    c.getConsentedAt(), c.getConsentedAt().plus(CONSENT_LIFETIME), connected ? c.getExpiresAt() : null,
                    c.getLastRefreshedAt(), c.getLastError());
        }).toList();
    }

    public JiraStatus selectSite(UUID userId, String cloudId, String actor) {
        if (cloudId == null || cloudId.isBlank()) {
            throw new InvalidInputException(new InputError("cloud_id", "must not be blank"));
        }
        tx.executeWithoutResult(s -> {
            var c = credentials.findById(userId).orElseThrow(JiraNotConnectedException::new);
            var site = sites.findByUser(userId).stream().filter(l -> l.getCloudId().equals(cloudId)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(new InputError("cloud_id",
                            "is not one of the sites your Jira grant covers")));
            c.selectSite(cloudId);
            events.siteSelected(actor, userId, site.getName());
        });
        return status(userId);
    }

    public void disconnect(UUID userId, String actor, boolean byAdmin) {
        tx.executeWithoutResult(s -> {
            var found = credentials.findForUpdate(userId);
            if (found.isEmpty()) {
                return;
            }
            if (byAdmin) {
                found.get().needsReconnect("Disconnected by an administrator on "
                        + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(clock.instant())
                        + ". Connect again to continue.");
            } else {
                sites.deleteByUser(userId);
                credentials.delete(found.get());
            }
            events.disconnected(actor, userId, byAdmin);
        });
    }

    public JiraAccount testConnection(UUID userId) {
        var status = status(userId);
        if (status.status() == ConnectionStatus.NOT_CONNECTED) {
            throw new JiraNotConnectedException();
        }
        var myself = caller.call(userId, null, JiraOperation.read("GET /myself"), JiraHttp::myself);
        return new JiraAccount(myself.accountId(), myself.displayName(), status.siteName());
    }

    /**
     * Refresh tokens die after 90 days unused: refresh every connection unused for {@code app.jira.keep-alive-after}
     * (30 days), and forget OAuth states that expired.
     */
    public void keepAlive() {
        Instant now = clock.instant();
        var idle = tx.execute(s -> credentials.findByStatusAndLastUsedAtBefore(ConnectionStatus.CONNECTED, now.minus(keepAliveAfter))
                .stream().map(JiraCredential::getUserId).toList());
        int refreshed = 0;
        for (UUID userId : idle) {
            try {
                tokens.refreshNow(userId);
                refreshed++;
            } catch (RuntimeException e) {
                log.warn("Keep-alive refresh for user {} failed: {}", userId, e.getMessage());
            }
        }
        Integer purged = tx.execute(s -> states.deleteExpiredBefore(now.minus(Duration.ofDays(1))));
        log.info("Jira keep-alive: refreshed {} of {} idle connections, purged {} old OAuth states", refreshed, idle.size(), purged);
    }

    private Reason consumeState(UUID userId, String state) {
        if (state == null || state.isBlank() || state.length() > 64) {
            return Reason.UNKNOWN_STATE;
        }
        return tx.execute(s -> {
            var found = states.findForUpdate(state);
            if (found.isEmpty()) {
                return Reason.UNKNOWN_STATE;
            }
            var st = found.get();
            if (!st.getUserId().equals(userId)) {
                return Reason.OTHER_USER;
            }
            if (st.getUsedAt() != null) {
                return Reason.REUSED_STATE;
            }
            Instant now = clock.instant();
            st.use(now);
            return st.getExpiresAt().isBefore(now) ? Reason.EXPIRED_STATE : null;
        });
    }

    private String previousActiveSite(UUID userId, List<JiraHttp.AccessibleResource> resources) {
        String previous = credentials.findById(userId).map(JiraCredential::getActiveCloudId).orElse(null);
        return resources.stream().map(JiraHttp.AccessibleResource::id).filter(id -> id.equals(previous)).findFirst()
                .orElse(resources.getFirst().id());
    }
}
