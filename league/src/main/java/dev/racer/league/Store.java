package dev.racer.league;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.racer.io.Jsons;
import dev.racer.league.api.SubmissionStatus;
import dev.racer.multi.BotConfig;
import dev.racer.race.RaceType;
import dev.racer.world.ObjectConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every SQL statement of the league, over {@link Database}. Portable between SQLite and PostgreSQL. */
public final class Store {
    /** a submission claimed this many times (the evaluator died each time) is failed instead of raced again */
    public static final int MAX_ATTEMPTS = 3;
    /** laps_json in the database: the field names Store has always written (camelCase), not the wire's */
    private static final ObjectMapper JSON = Jsons.mapper();
    private static final String QUEUED = SubmissionStatus.QUEUED.sql();
    private static final String RUNNING = SubmissionStatus.RUNNING.sql();
    private static final String DONE = SubmissionStatus.DONE.sql();
    private static final String FAILED = SubmissionStatus.FAILED.sql();

    private final Database db;

    public Store(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ------------------------------------------------------------------ records

    public record League(String id, String name, LeagueRules rules, long createdAt) {
    }

    public record Racer(String id, String name) {
    }

    public record Submission(String id, String leagueId, String racerId, String racerName, String modelName,
                             SubmissionStatus status, int attempts, long createdAt, Long startedAt, Long finishedAt,
                             String error, Boolean completed, Long scoreMs, Long bestLapMs, Long avgLapMs,
                             Long totalMs, Integer lapsDone, Integer offtracks, Integer resets, Integer crashes,
                             String endReason, List<RaceOutcome.Lap> laps, String traceFile, String archiveSha256) {
    }

    public record Claim(String id, String leagueId, int attempts) {
    }

    public record BoardEntry(int rank, String racerId, String racerName, String modelName, long scoreMs,
                             Long bestLapMs, Long avgLapMs, long totalMs, int offtracks, int crashes, long finishedAt,
                             int submissions, List<RaceOutcome.Lap> laps) {
    }

    // ------------------------------------------------------------------ leagues

    /** Creates the league, or (with {@code replace}) updates its name and rules; false if it existed and was kept. */
    public boolean putLeague(String id, String name, LeagueRules r, boolean replace) throws SQLException {
        try (Connection c = db.connection()) {
            if (getLeague(c, id).isPresent()) {
                if (!replace) {
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE leagues SET " + RULE_COLUMNS.replace(",", "=?,")
                        + "=? WHERE id=?")) {
                    int i = bindRules(ps, name, r, 1);
                    ps.setString(i, id);
                    ps.executeUpdate();
                }
                return true;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO leagues (" + RULE_COLUMNS + ",id,created_at)"
                    + " VALUES (" + "?,".repeat(RULE_COLUMNS.split(",").length) + "?,?)")) {
                int i = bindRules(ps, name, r, 1);
                ps.setString(i, id);
                ps.setLong(i + 1, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return true;
        }
    }

    /** The columns {@link #bindRules} binds, in its order. */
    private static final String RULE_COLUMNS = "name,track_id,laps,offtrack_penalty_ms,max_resets,ranking,time_limit_s,"
            + "race_type,objects,randomize_objects,object_positions,collision_penalty_ms,bots,bot_speed,bot_lane_change,"
            + "heat_size";

    /** Binds the name and rules from parameter {@code i}; returns the next parameter's index. */
    private static int bindRules(PreparedStatement ps, String name, LeagueRules r, int i) throws SQLException {
        ps.setString(i++, name);
        ps.setString(i++, r.trackId());
        ps.setInt(i++, r.laps());
        ps.setLong(i++, r.offtrackPenaltyMs());
        ps.setInt(i++, r.maxResets());
        ps.setString(i++, r.ranking().name());
        ps.setInt(i++, r.timeLimitSeconds());
        ps.setString(i++, r.raceType().name());
        ObjectConfig o = r.objects();
        ps.setInt(i++, o.objects());
        ps.setInt(i++, o.randomize() ? 1 : 0);
        if (o.positions().isEmpty()) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, ObjectConfig.formatPositions(o.positions()));
        }
        ps.setLong(i++, r.collisionPenaltyMs());
        ps.setInt(i++, r.bots().count());
        ps.setDouble(i++, r.bots().speed());
        ps.setInt(i++, r.bots().laneChange() ? 1 : 0);
        ps.setInt(i++, r.heatSize());
        return i;
    }

    public Optional<League> getLeague(String id) throws SQLException {
        try (Connection c = db.connection()) {
            return getLeague(c, id);
        }
    }

    private static Optional<League> getLeague(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM leagues WHERE id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(league(rs)) : Optional.empty();
            }
        }
    }

    public List<League> leagues() throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM leagues ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            List<League> out = new ArrayList<>();
            while (rs.next()) {
                out.add(league(rs));
            }
            return out;
        }
    }

    private static League league(ResultSet rs) throws SQLException {
        String positions = rs.getString("object_positions");
        ObjectConfig objects = positions == null
                ? ObjectConfig.spaced(rs.getInt("objects"), rs.getInt("randomize_objects") == 1)
                : ObjectConfig.fixed(ObjectConfig.parsePositions(positions, "object_positions"));
        // a race type this build does not know (a newer server wrote it) fails here with the type named
        RaceType type = RaceType.valueOf(rs.getString("race_type"));
        return new League(rs.getString("id"), rs.getString("name"), new LeagueRules(rs.getString("track_id"),
                rs.getInt("laps"), rs.getLong("offtrack_penalty_ms"), rs.getInt("max_resets"),
                dev.racer.race.RankingRule.valueOf(rs.getString("ranking")), rs.getInt("time_limit_s"), type, objects,
                rs.getLong("collision_penalty_ms"), BotConfig.of(rs.getInt("bots"), rs.getDouble("bot_speed"),
                rs.getInt("bot_lane_change") == 1), rs.getInt("heat_size")), rs.getLong("created_at"));
    }

    // ------------------------------------------------------------------ racers

    /** Registers a racer; returns the token (shown once; only its salted hash is kept), or empty if the name is taken. */
    public Optional<Map.Entry<Racer, String>> createRacer(String name) throws SQLException {
        String id = Tokens.randomId(8);
        String token = Tokens.newToken(id);
        String salt = Tokens.newSalt();
        try (Connection c = db.connection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM racers WHERE name=?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO racers (id, name, token_salt, token_hash, created_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, salt);
                ps.setString(4, Tokens.hash(salt, token));
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        return Optional.of(Map.entry(new Racer(id, name), token));
    }

    /** The racer this token belongs to, or empty. */
    public Optional<Racer> authenticate(String token) throws SQLException {
        String id = Tokens.racerIdOf(token);
        if (id == null) {
            return Optional.empty();
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, name, token_salt, token_hash FROM racers WHERE id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && Tokens.matches(rs.getString("token_salt"), rs.getString("token_hash"), token)) {
                    return Optional.of(new Racer(rs.getString("id"), rs.getString("name")));
                }
                return Optional.empty();
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        String msg = String.valueOf(e.getMessage());
        return "23505".equals(state) || msg.contains("UNIQUE constraint failed");
    }

    // ------------------------------------------------------------------ submissions

    public void insertSubmission(String id, String leagueId, String racerId, String modelName, String sha256,
                                 long bytes) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO submissions (id, league_id, racer_id, model_name,"
                     + " archive_sha256, archive_bytes, status, attempts, created_at) VALUES (?,?,?,?,?,?," + QUEUED + ",0,?)")) {
            ps.setString(1, id);
            ps.setString(2, leagueId);
            ps.setString(3, racerId);
            ps.setString(4, modelName);
            ps.setString(5, sha256);
            ps.setLong(6, bytes);
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /** Submissions by this racer created at or after {@code since}, and how many of all theirs wait or run. */
    public int[] recentAndPending(String racerId, long since) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT"
                     + " SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END),"
                     + " SUM(CASE WHEN status IN (" + QUEUED + "," + RUNNING + ") THEN 1 ELSE 0 END)"
                     + " FROM submissions WHERE racer_id=?")) {
            ps.setLong(1, since);
            ps.setString(2, racerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    private static final String SUBMISSION_SELECT = "SELECT s.*, r.name AS racer_name FROM submissions s"
            + " JOIN racers r ON r.id = s.racer_id";

    public Optional<Submission> getSubmission(String id) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(SUBMISSION_SELECT + " WHERE s.id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(submission(rs)) : Optional.empty();
            }
        }
    }

    public List<Submission> submissionsOf(String racerId, int limit) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(SUBMISSION_SELECT
                     + " WHERE s.racer_id=? ORDER BY s.created_at DESC, s.id LIMIT ?")) {
            ps.setString(1, racerId);
            ps.setInt(2, limit);
            List<Submission> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(submission(rs));
                }
            }
            return out;
        }
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getString("id"), rs.getString("league_id"), rs.getString("racer_id"),
                rs.getString("racer_name"), rs.getString("model_name"), SubmissionStatus.of(rs.getString("status")), rs.getInt("attempts"),
                rs.getLong("created_at"), longOrNull(rs, "started_at"), longOrNull(rs, "finished_at"),
                rs.getString("error"), rs.getObject("completed") == null ? null : rs.getInt("completed") == 1,
                longOrNull(rs, "score_ms"), longOrNull(rs, "best_lap_ms"), longOrNull(rs, "avg_lap_ms"),
                longOrNull(rs, "total_ms"), intOrNull(rs, "laps_done"), intOrNull(rs, "offtracks"),
                intOrNull(rs, "resets"), crashes(rs), rs.getString("end_reason"), laps(rs.getString("laps_json")),
                rs.getString("trace_file"), rs.getString("archive_sha256"));
    }

    /** A finished race's crashes; 0 for races run before collisions were counted (no object was on their track). */
    private static Integer crashes(ResultSet rs) throws SQLException {
        Integer c = intOrNull(rs, "crashes");
        return c == null && rs.getObject("completed") != null ? Integer.valueOf(0) : c;
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static List<RaceOutcome.Lap> laps(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<RaceOutcome.Lap>>() { });
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    // ------------------------------------------------------------------ the queue

    /** Puts every {@code running} submission back in the queue (start-up of the only server on this database). */
    public int requeueRunning() throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE submissions SET status=" + QUEUED + ", worker=NULL, lease_until=NULL WHERE status=" + RUNNING)) {
            return ps.executeUpdate();
        }
    }

    /**
     * Claims the oldest queued submission (or a running one whose lease has expired: its worker died) for
     * {@code worker} until {@code now + leaseMs}. Claims are optimistic: a conditional update that only one worker
     * can win, so several workers and several servers on one PostgreSQL database share the queue safely.
     */
    public Optional<Claim> claim(String worker, long leaseMs) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = db.connection()) {
            List<Claim> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, league_id, attempts FROM submissions"
                    + " WHERE status=" + QUEUED + " OR (status=" + RUNNING + " AND lease_until < ?)"
                    + " ORDER BY created_at, id LIMIT 8")) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new Claim(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
            }
            for (Claim k : candidates) {
                if (k.attempts() >= MAX_ATTEMPTS) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE submissions SET status=" + FAILED + ", worker=NULL,"
                            + " lease_until=NULL, finished_at=?, error=? WHERE id=? AND attempts=?"
                            + " AND (status=" + QUEUED + " OR (status=" + RUNNING + " AND lease_until < ?))")) {
                        ps.setLong(1, now);
                        ps.setString(2, "the evaluation was interrupted " + k.attempts() + " times; not raced again");
                        ps.setString(3, k.id());
                        ps.setInt(4, k.attempts());
                        ps.setLong(5, now);
                        ps.executeUpdate();
                    }
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE submissions SET status=" + RUNNING + ", worker=?,"
                        + " lease_until=?, attempts=attempts+1, started_at=? WHERE id=? AND attempts=?"
                        + " AND (status=" + QUEUED + " OR (status=" + RUNNING + " AND lease_until < ?))")) {
                    ps.setString(1, worker);
                    ps.setLong(2, now + leaseMs);
                    ps.setLong(3, now);
                    ps.setString(4, k.id());
                    ps.setInt(5, k.attempts());
                    ps.setLong(6, now);
                    if (ps.executeUpdate() == 1) {
                        return Optional.of(new Claim(k.id(), k.leagueId(), k.attempts() + 1));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Extends the lease of a claim; false if the claim is no longer this worker's. */
    public boolean heartbeat(String id, String worker, long leaseMs) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE submissions SET lease_until=?"
                     + " WHERE id=? AND worker=? AND status=" + RUNNING)) {
            ps.setLong(1, System.currentTimeMillis() + leaseMs);
            ps.setString(2, id);
            ps.setString(3, worker);
            return ps.executeUpdate() == 1;
        }
    }

    /** Stores a race's result; false if the claim was lost meanwhile (another worker will race it). */
    public boolean finish(String id, String worker, RaceOutcome o, String traceFile) throws SQLException {
        String lapsJson;
        try {
            lapsJson = JSON.writeValueAsString(o.laps());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (lapsJson.length() > 8000) {
            lapsJson = "[]";
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE submissions SET status=" + DONE + ", worker=NULL,"
                     + " lease_until=NULL, finished_at=?, completed=?, score_ms=?, best_lap_ms=?, avg_lap_ms=?,"
                     + " total_ms=?, laps_done=?, offtracks=?, resets=?, end_reason=?, laps_json=?, trace_file=?,"
                     + " crashes=?, error=NULL WHERE id=? AND worker=? AND status=" + RUNNING)) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setInt(2, o.completed() ? 1 : 0);
            setLongOrNull(ps, 3, o.scoreMs());
            setLongOrNull(ps, 4, o.bestLapMs());
            setLongOrNull(ps, 5, o.avgLapMs());
            ps.setLong(6, o.totalMs());
            ps.setInt(7, o.lapsCompleted());
            ps.setInt(8, o.offtracks());
            ps.setInt(9, o.resets());
            ps.setString(10, o.endReason());
            ps.setString(11, lapsJson);
            ps.setString(12, traceFile);
            ps.setInt(13, o.crashes());
            ps.setString(14, id);
            ps.setString(15, worker);
            return ps.executeUpdate() == 1;
        }
    }

    private static void setLongOrNull(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /** Marks a claimed submission failed with a message for its racer. */
    public boolean fail(String id, String worker, String error) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE submissions SET status=" + FAILED + ", worker=NULL,"
                     + " lease_until=NULL, finished_at=?, error=? WHERE id=? AND worker=? AND status=" + RUNNING)) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, error.length() > 1900 ? error.substring(0, 1900) + "..." : error);
            ps.setString(3, id);
            ps.setString(4, worker);
            return ps.executeUpdate() == 1;
        }
    }

    /** Submissions per status, for health and benchmarks. */
    public Map<String, Integer> counts() throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SubmissionStatus s : SubmissionStatus.values()) {
            out.put(s.text(), 0);
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM submissions GROUP BY status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the leaderboard

    /**
     * The league's leaderboard: each racer's best qualifying submission (lowest score, then earliest), ranked by
     * score. A race qualifies when the ranking rule gives it a score (total time: every lap completed). Ties share nothing: the earlier finish ranks first.
     */
    public List<BoardEntry> leaderboard(String leagueId, int limit) throws SQLException {
        String sql = "SELECT * FROM (SELECT s.racer_id, r.name AS racer_name, s.model_name, s.score_ms, s.best_lap_ms,"
                + " s.avg_lap_ms, s.total_ms, s.offtracks, s.crashes, s.finished_at, s.laps_json,"
                + " ROW_NUMBER() OVER (PARTITION BY s.racer_id ORDER BY s.score_ms, s.finished_at, s.id) AS rn,"
                + " COUNT(*) OVER (PARTITION BY s.racer_id) AS n"
                + " FROM submissions s JOIN racers r ON r.id = s.racer_id"
                + " WHERE s.league_id = ? AND s.status = " + DONE + " AND s.score_ms IS NOT NULL) b"
                + " WHERE b.rn = 1 ORDER BY b.score_ms, b.finished_at, b.racer_id LIMIT ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, leagueId);
            ps.setInt(2, limit);
            List<BoardEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BoardEntry(out.size() + 1, rs.getString("racer_id"), rs.getString("racer_name"),
                            rs.getString("model_name"), rs.getLong("score_ms"), longOrNull(rs, "best_lap_ms"),
                            longOrNull(rs, "avg_lap_ms"), rs.getLong("total_ms"), rs.getInt("offtracks"),
                            rs.getInt("crashes"), rs.getLong("finished_at"), rs.getInt("n"), laps(rs.getString("laps_json"))));
                }
            }
            return out;
        }
    }

    /** The trace file of the racer's ranked (best) submission in the league, if any. */
    public Optional<String> bestTrace(String leagueId, String racerId) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT trace_file FROM submissions WHERE league_id=? AND racer_id=?"
                     + " AND status=" + DONE + " AND score_ms IS NOT NULL ORDER BY score_ms, finished_at, id LIMIT 1")) {
            ps.setString(1, leagueId);
            ps.setString(2, racerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
