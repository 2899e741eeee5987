package com.example.compliance.violation.internal;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database the app runs on, where the violations' storage tunes itself to it (seek paging, bulk-load upkeep). */
public final class DatabaseProduct {

    private DatabaseProduct() {}

    public static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
