package dev.racer.league;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The league's database: SQLite (a file, the default) or PostgreSQL ({@code jdbc:postgresql://...}), pooled by
 * HikariCP, its schema migrated by Flyway from {@code db/migration} on open.
 */
public final class Database implements AutoCloseable {
    /** the database kinds the league speaks */
    public enum Kind { SQLITE, POSTGRESQL }

    private final HikariDataSource ds;
    private final Kind kind;

    private Database(HikariDataSource ds, Kind kind) {
        this.ds = ds;
        this.kind = kind;
    }

    /** Opens and migrates the database at {@code url} with a pool of up to {@code poolSize} connections. */
    public static Database open(String url, int poolSize) {
        Kind kind;
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setPoolName("league-db");
        cfg.setMaximumPoolSize(Math.max(2, poolSize));
        cfg.setConnectionTimeout(30_000);
        if (url.startsWith("jdbc:sqlite:")) {
            kind = Kind.SQLITE;
            String file = url.substring("jdbc:sqlite:".length());
            int q = file.indexOf('?');
            if (q >= 0) {
                file = file.substring(0, q);
            }
            if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
                Path parent = Path.of(file).toAbsolutePath().getParent();
                try {
                    Files.createDirectories(parent);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
                }
            }
            cfg.setDriverClassName("org.sqlite.JDBC");
            // WAL: readers never wait for the writer; IMMEDIATE: a write transaction takes the lock up front and
            // waits (busy_timeout) instead of failing on upgrade; synchronous FULL: a commit survives power loss
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "FULL");
            cfg.addDataSourceProperty("busy_timeout", "30000");
            cfg.addDataSourceProperty("foreign_keys", "true");
            cfg.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else if (url.startsWith("jdbc:postgresql:")) {
            kind = Kind.POSTGRESQL;
            cfg.setDriverClassName("org.postgresql.Driver");
        } else {
            throw new IllegalArgumentException("--db must be a jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB URL, got \""
                    + url + "\"");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot connect to the database " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new IllegalStateException("database migration failed on " + redact(url) + ": " + rootMessage(e), e);
        }
        return new Database(ds, kind);
    }

    public DataSource dataSource() {
        return ds;
    }

    public Connection connection() throws SQLException {
        return ds.getConnection();
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public void close() {
        ds.close();
    }

    /** The URL without a password parameter, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
