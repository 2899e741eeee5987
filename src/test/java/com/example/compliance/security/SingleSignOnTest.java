package com.example.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.activity.ActivityAction;
import com.example.compliance.activity.ActivityFilter;
import com.example.compliance.activity.ActivityRow;
import com.example.compliance.activity.ActivityService;
import com.example.compliance.security.internal.AppUserRepository;
import com.example.compliance.support.IntegrationTest;
import com.example.compliance.support.TestDatabase;
import com.example.compliance.support.TestUsers;
import com.example.testoidc.OidcTestProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider (Spring Authorization Server, started here on a random port),
 * with local sign-in turned off as an SSO installation would run: the code flow with PKCE and nonce, users created
 * with the role their groups give them and changed at the next sign-in, refusals, RP-initiated logout, and the
 * break-glass administrator as the only password sign-in left.
 */
@TestPropertySource(properties = {
        "app.oidc.client-id=" + OidcTestProvider.CLIENT_ID,
        "app.oidc.client-secret=" + OidcTestProvider.CLIENT_SECRET,
        "app.oidc.provider-name=Test IdP",
        "app.oidc.scopes=openid,profile",
        "app.security.local-login=false"})
class SingleSignOnTest extends IntegrationTest {

    private static final OidcTestProvider PROVIDER = OidcTestProvider.start();
    private static final String PASSWORD = "provider-password";
    private static final String ADMINS = "compliance-admins";

    @Autowired
    AppUserRepository appUsers;

    @Autowired
    ActivityService activity;

    private static SecurityContextHolderStrategy strategyOfOtherContexts;

    /**
     * A context of its own (other properties): like {@code SandboxOffTest}, it gets its own in-memory H2 database
     * (Liquibase does not recognise its changelog table in a database another context migrated) and puts back the
     * JVM-wide security context strategy its Vaadin replaced, for the contexts of the tests that run after it.
     */
    @DynamicPropertySource
    static void providerAndOwnDatabase(DynamicPropertyRegistry registry) {
        registry.add("app.oidc.issuer-uri", PROVIDER::issuer);
        if (!TestDatabase.isPostgres()) {
            registry.add("spring.datasource.hikari.jdbc-url", () -> "jdbc:h2:mem:single-sign-on;"
                    + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @BeforeAll
    static void rememberSecurityContextStrategy() {
        strategyOfOtherContexts = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void stopProviderAndRestoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategyOfOtherContexts);
        PROVIDER.close();
    }

    @BeforeEach
    void registerTheApp() {
        PROVIDER.registerClient(url(""));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private SsoHttpClient signIn(String username) throws Exception {
        return new SsoHttpClient(url("")).signIn(username, PASSWORD);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    private Role roleOf(String username) {
        return appUsers.findByUsername(username).orElseThrow().getRole();
    }

    private List<ActivityRow> auditOf(String actor) {
        return audit(ActivityFilter.byActor(actor));
    }

    private List<ActivityRow> audit(ActivityFilter filter) {
        var admin = new UsernamePasswordAuthenticationToken("audit-reader", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        SecurityContextHolder.getContext().setAuthentication(admin);
        try {
            return activity.find(filter, PageRequest.of(0, 50));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Set<ActivityAction> actions(List<ActivityRow> rows) {
        return rows.stream().map(ActivityRow::action).collect(Collectors.toSet());
    }

    @Test
    void the_code_flow_uses_pkce_s256_and_a_nonce_that_the_id_token_returns() throws Exception {
        String ann = unique("sso-pkce");
        PROVIDER.addUser(ann, PASSWORD, List.of());

        var browser = signIn(ann);

        var request = query(browser.authorizationRequest);
        assertThat(browser.authorizationRequest.toString()).startsWith(PROVIDER.issuer() + "/oauth2/authorize?");
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", OidcTestProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKey("state");
        String verifier = PROVIDER.codeVerifiers().getLast();
        assertThat(verifier).isNotBlank();
        assertThat(request.get("code_challenge")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))));
        assertThat(request.get("nonce")).isNotBlank().isEqualTo(PROVIDER.issuedNonces().getLast());
        assertThat(browser.landing).isEqualTo(URI.create(url("/")));
    }

    @Test
    void an_id_token_with_a_nonce_the_app_did_not_send_is_refused() throws Exception {
        String mallory = unique("sso-nonce");
        PROVIDER.addUser(mallory, PASSWORD, List.of(ADMINS));
        PROVIDER.forgeNextNonce();

        var browser = signIn(mallory);

        assertThat(browser.landing).isEqualTo(URI.create(url("/login?sso-error")));
        assertThat(browser.apiStatus("/api/cases")).isEqualTo(401);
        assertThat(appUsers.findByUsername(mallory)).isEmpty();
        var failures = audit(new ActivityFilter(null, null, "system", Set.of(ActivityAction.SIGN_IN_FAILED), null));
        assertThat(failures).extracting(ActivityRow::detail)
                .contains("Single sign-on through Test IdP failed: invalid_nonce");
    }

    @Test
    void first_sign_in_creates_the_user_with_the_role_of_their_groups_and_the_next_one_changes_it() throws Exception {
        String ann = unique("sso-ann");
        PROVIDER.addUser(ann, PASSWORD, List.of("staff", ADMINS));

        var first = signIn(ann);

        assertThat(first.landing).as(first.trace.toString()).isEqualTo(URI.create(url("/")));
        assertThat(roleOf(ann)).isEqualTo(Role.ADMIN);
        assertThat(first.apiStatus("/api/admin/users")).isEqualTo(200);
        assertThat(actions(auditOf(ann))).contains(ActivityAction.USER_CREATED, ActivityAction.SIGNED_IN_WITH_SSO);

        PROVIDER.setGroups(ann, List.of("staff"));
        var second = signIn(ann);

        assertThat(roleOf(ann)).isEqualTo(Role.ANALYST);
        assertThat(second.apiStatus("/api/admin/users")).isEqualTo(403);
        assertThat(second.apiStatus("/api/cases")).isEqualTo(200);
        // The session from before the change ends: its role no longer matches (ActiveUserFilter)
        assertThat(first.apiStatus("/api/admin/users")).isEqualTo(401);
        var roleChange = auditOf(ann).stream().filter(e -> e.action() == ActivityAction.ROLE_CHANGED).findFirst()
                .orElseThrow();
        assertThat(roleChange.detail()).isEqualTo("Role changed from ADMIN to ANALYST by the 'groups' claim of Test IdP");
        assertThat(appUsers.findAll().stream().filter(u -> u.getUsername().equals(ann)).count()).isEqualTo(1);
    }

    @Test
    void a_disabled_local_user_stays_refused() throws Exception {
        String bob = unique("sso-disabled");
        users.analyst(bob);
        var disabled = send(TestUsers.ADMIN, "PATCH", "/api/admin/users/" + users.idOf(bob), "{\"enabled\":false}");
        assertThat(disabled.status()).isEqualTo(200);
        PROVIDER.addUser(bob, PASSWORD, List.of(ADMINS));

        var browser = signIn(bob);

        assertThat(browser.landing).isEqualTo(URI.create(url("/login?sso-error")));
        assertThat(browser.apiStatus("/api/cases")).isEqualTo(401);
        assertThat(appUsers.findByUsername(bob).orElseThrow().isEnabled()).isFalse();
        assertThat(roleOf(bob)).isEqualTo(Role.ANALYST);
        assertThat(auditOf(bob)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(ActivityAction.SIGN_IN_FAILED);
            assertThat(e.detail()).isEqualTo("Single sign-on refused: the user is disabled");
        });
    }

    @Test
    void the_break_glass_admin_and_invalid_user_names_cannot_sign_in_through_the_provider() throws Exception {
        PROVIDER.addUser(TestUsers.ADMIN.username(), PASSWORD, List.of());
        PROVIDER.addUser("not a valid name", PASSWORD, List.of(ADMINS));

        var breakGlass = signIn(TestUsers.ADMIN.username());
        var invalid = signIn("not a valid name");

        assertThat(breakGlass.landing).isEqualTo(URI.create(url("/login?sso-error")));
        assertThat(invalid.landing).isEqualTo(URI.create(url("/login?sso-error")));
        assertThat(roleOf(TestUsers.ADMIN.username())).isEqualTo(Role.ADMIN);
        assertThat(appUsers.findByUsername("not a valid name")).isEmpty();
    }

    @Test
    void signing_out_ends_the_session_at_the_provider_too() throws Exception {
        String carol = unique("sso-logout");
        PROVIDER.addUser(carol, PASSWORD, List.of());
        var browser = signIn(carol);
        assertThat(browser.apiStatus("/api/cases")).isEqualTo(200);

        URI endSession = browser.signOut();

        assertThat(endSession.toString()).startsWith(PROVIDER.issuer() + "/connect/logout?");
        var logout = query(endSession);
        assertThat(logout).containsEntry("post_logout_redirect_uri", url("")).containsKey("id_token_hint");
        var providerAnswer = browser.get(endSession);
        assertThat(providerAnswer.statusCode()).isEqualTo(302);
        assertThat(providerAnswer.headers().firstValue("Location").orElseThrow()).startsWith(url(""));
        assertThat(PROVIDER.logoutRequests()).anySatisfy(q -> assertThat(q).contains("id_token_hint="));
        assertThat(browser.apiStatus("/api/cases")).isEqualTo(401);
        // The provider's session is gone as well: signing in again asks for the password
        var again = browser.get(URI.create(url("/oauth2/authorization/oidc")));
        var atProvider = browser.get(again.uri().resolve(again.headers().firstValue("Location").orElseThrow()));
        assertThat(atProvider.uri().resolve(atProvider.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(URI.create(PROVIDER.issuer() + "/login"));
    }

    @Test
    void with_local_sign_in_off_an_analyst_is_refused_by_form_and_basic_but_the_break_glass_admin_is_not() throws Exception {
        var analyst = users.analyst(unique("local-analyst"));

        assertThat(formSignIn(analyst.username(), analyst.password())).contains("error");
        get(analyst, "/api/cases").problem(401);
        assertThat(formSignIn(TestUsers.ADMIN.username(), TestUsers.ADMIN.password())).doesNotContain("error");
        assertThat(get(TestUsers.ADMIN, "/api/admin/users").status()).isEqualTo(200);
        assertThat(auditOf(analyst.username())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(ActivityAction.SIGN_IN_FAILED);
            assertThat(e.detail()).contains("local sign-in is turned off");
        });
    }

    private String formSignIn(String username, String password) throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + SsoHttpClient.enc(username) + "&password="
                        + SsoHttpClient.enc(password))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
