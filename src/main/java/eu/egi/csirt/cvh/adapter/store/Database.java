package eu.egi.csirt.cvh.adapter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The connection pool, schema migrations (Flyway) and transactions. Any JDBC URL works; HSQLDB is the
 * embedded default, PostgreSQL the production database.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public Database(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("cvh");
        this.dataSource = new HikariDataSource(config);
        // common SQL, plus per-database files where the types differ (BLOB vs BYTEA)
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .load().migrate();
    }

    private static String vendor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("hsql")) return "hsqldb";
            if (product.contains("postgres")) return "postgresql";
            throw new IllegalStateException("unsupported database " + product + ": use HSQLDB or PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("database unavailable: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs work in one transaction; a nested call joins the outer one. */
    public <T> T inTransaction(Function<Connection, T> work) {
        Connection existing = current.get();
        if (existing != null) {
            return work.apply(existing);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
