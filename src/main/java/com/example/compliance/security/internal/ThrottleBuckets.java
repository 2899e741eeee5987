package com.example.compliance.security.internal;

import io.github.bucket4j.BucketExceptions.BucketExecutionException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update proxy manager over the {@code sign_in_throttle} table, in SQL that both H2 and
 * PostgreSQL run. Bucket4j's own PostgreSQL module inserts with {@code ON CONFLICT(id) DO NOTHING}, which H2 does not
 * parse; {@code ON CONFLICT DO NOTHING} without a target means the same here (the key is the only constraint) and runs
 * on both (docs/adr/012). Each bucket operation is one short JDBC transaction of its own, outside the caller's.
 */
class ThrottleBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;
    private final ExpirationAfterWriteStrategy expiry;

    ThrottleBuckets(DataSource dataSource, ClientSideConfig config, ExpirationAfterWriteStrategy expiry) {
        super(config.withExpirationAfterWriteStrategy(expiry));
        this.dataSource = dataSource;
        this.expiry = expiry;
    }

    /** Deletes up to {@code limit} rows whose bucket has refilled; returns how many. */
    int removeExpired(int limit) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("delete from sign_in_throttle where id in "
                        + "(select id from sign_in_throttle where expires_at < ? order by expires_at limit ?)")) {
            statement.setLong(1, currentTimeNanos() / 1_000_000L);
            statement.setInt(2, limit);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("delete from sign_in_throttle where id = ?")) {
            statement.setString(1, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (var statement = connection.prepareStatement(
                        "select state from sign_in_throttle where id = ? for update")) {
                    applyTimeout(statement, timeout);
                    statement.setString(1, key);
                    try (var rows = statement.executeQuery()) {
                        return rows.next() ? LockAndGetResult.locked(rows.getBytes("state")) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (var statement = connection.prepareStatement(
                        "insert into sign_in_throttle(id, state) values(?, null) on conflict do nothing")) {
                    applyTimeout(statement, timeout);
                    statement.setString(1, key);
                    return statement.executeUpdate() > 0;
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeout) {
                try (var statement = connection.prepareStatement(
                        "update sign_in_throttle set state = ?, expires_at = ? where id = ?")) {
                    applyTimeout(statement, timeout);
                    long nowMillis = currentTimeNanos() / 1_000_000L;
                    statement.setBytes(1, data);
                    statement.setLong(2, nowMillis + expiry.calculateTimeToLiveMillis(newState, currentTimeNanos()));
                    statement.setString(3, key);
                    statement.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }

            @Override
            public void release() {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new BucketExecutionException(e);
                }
            }
        };
    }
}
