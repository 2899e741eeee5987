package com.example.compliance.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the Spring tests run on. Default: an in-memory H2 per JVM. With {@code -Dtest.db=postgres}: a fresh
 * PostgreSQL database per JVM (created on the server named by {@code test.postgres.url}, dropped at exit), so runs
 * never see each other's data.
 */
public final class TestDatabase {

    public static final String POSTGRES = "postgres";
    private static final String ADMIN_URL = System.getProperty("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("test.postgres.password", "");
    private static String postgresUrl;
    /** A system property naming another H2 database than the in-memory one (read when a context is set up). */
    public static final String H2_URL = "test.h2.url";
    public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private TestDatabase() {}

    public static boolean isPostgres() {
        return POSTGRES.equals(System.getProperty("test.db"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            String url = postgresUrl();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> USER);
            registry.add("spring.datasource.password", () -> PASSWORD);
        } else {
            // Read now: a test class's own @DynamicPropertySource runs before this one and may name a file database
            String url = System.getProperty(H2_URL, "jdbc:h2:mem:tests;" + H2_OPTIONS + ";DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.url", () -> url);
        }
    }

    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The JDBC URL, user and password of this JVM's PostgreSQL test database (for a second app instance). */
    public static List<String> postgresConnection() {
        return List.of(postgresUrl(), USER, PASSWORD);
    }

    private static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            String name = "ct_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            postgresUrl = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
        }
        return postgresUrl;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " failed: " + sql, e);
        }
    }
}
