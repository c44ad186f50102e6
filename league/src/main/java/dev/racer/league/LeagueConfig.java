package dev.racer.league;

import java.nio.file.Path;

/**
 * How to run a league server.
 *
 * @param host              address to listen on ({@code 127.0.0.1}: this machine only; {@code 0.0.0.0}: every interface)
 * @param port              port (0: any free port; {@link LeagueServer#port()} says which)
 * @param dbUrl             {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB?user=..&password=..}; null:
 *                          {@code jdbc:sqlite:DATA/league.db}
 * @param dataDir           where uploaded models and traces are kept
 * @param workers           evaluation workers (races at once)
 * @param limits            upload limits
 * @param leaseMs           how long a claim on a submission lasts without a heartbeat [ms]
 * @param uploadsPerMinute  uploads one racer may make per minute (accepted or not)
 * @param maxPending        submissions one racer may have queued or running at once
 * @param adminToken        token that may create leagues (null: one is generated and written to DATA/admin-token)
 * @param defaultLeague     a league to create (or update) at start-up, or null
 */
public record LeagueConfig(String host, int port, String dbUrl, Path dataDir, int workers, UploadLimits limits,
                           long leaseMs, int uploadsPerMinute, int maxPending, String adminToken,
                           LeagueSpec defaultLeague) {

    /** A league to create at start-up. */
    public record LeagueSpec(String id, String name, LeagueRules rules) {
    }

    public LeagueConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in [0, 65535], got " + port);
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("--workers must be in [1, 64], got " + workers);
        }
        if (leaseMs < 1000) {
            throw new IllegalArgumentException("the lease must be at least 1 s");
        }
        if (uploadsPerMinute < 1 || maxPending < 1) {
            throw new IllegalArgumentException("--uploads-per-minute and --max-pending must be >= 1");
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("a data folder is needed");
        }
    }

    public static LeagueConfig defaults(Path dataDir) {
        return new LeagueConfig("127.0.0.1", 8080, null, dataDir, Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                UploadLimits.DEFAULT, 30_000, 10, 10, null,
                new LeagueSpec("default", "Racer league", LeagueRules.DEFAULT));
    }

    public String effectiveDbUrl() {
        return dbUrl != null ? dbUrl : "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("league.db");
    }

    public LeagueConfig withPort(int p) {
        return new LeagueConfig(host, p, dbUrl, dataDir, workers, limits, leaseMs, uploadsPerMinute, maxPending, adminToken, defaultLeague);
    }

    public LeagueConfig withDb(String url) {
        return new LeagueConfig(host, port, url, dataDir, workers, limits, leaseMs, uploadsPerMinute, maxPending, adminToken, defaultLeague);
    }

    public LeagueConfig withWorkers(int w) {
        return new LeagueConfig(host, port, dbUrl, dataDir, w, limits, leaseMs, uploadsPerMinute, maxPending, adminToken, defaultLeague);
    }

    public LeagueConfig withLimits(UploadLimits l) {
        return new LeagueConfig(host, port, dbUrl, dataDir, workers, l, leaseMs, uploadsPerMinute, maxPending, adminToken, defaultLeague);
    }

    public LeagueConfig withRateLimits(int perMinute, int pending) {
        return new LeagueConfig(host, port, dbUrl, dataDir, workers, limits, leaseMs, perMinute, pending, adminToken, defaultLeague);
    }

    public LeagueConfig withLeaseMs(long ms) {
        return new LeagueConfig(host, port, dbUrl, dataDir, workers, limits, ms, uploadsPerMinute, maxPending, adminToken, defaultLeague);
    }

    public LeagueConfig withAdminToken(String t) {
        return new LeagueConfig(host, port, dbUrl, dataDir, workers, limits, leaseMs, uploadsPerMinute, maxPending, t, defaultLeague);
    }

    public LeagueConfig withHost(String h) {
        return new LeagueConfig(h, port, dbUrl, dataDir, workers, limits, leaseMs, uploadsPerMinute, maxPending, adminToken, defaultLeague);
    }

    public LeagueConfig withDefaultLeague(LeagueSpec s) {
        return new LeagueConfig(host, port, dbUrl, dataDir, workers, limits, leaseMs, uploadsPerMinute, maxPending, adminToken, s);
    }
}
