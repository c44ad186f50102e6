package dev.racer.league;

import dev.racer.league.api.SubmissionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of head-to-model leagues (over {@link Database}, beside {@link Store}): who a new entry races, a heat
 * stored with its rating changes in the transaction that marks the submission done (a heat whose worker died is
 * never half counted: the submission is raced again and its heat stored once), the standings and the heats.
 */
final class HeatStore {
    private static final String RUNNING = SubmissionStatus.RUNNING.sql();
    private static final String DONE = SubmissionStatus.DONE.sql();

    private final Database db;

    HeatStore(Database db) {
        this.db = db;
    }

    /** A league's current entry: a racer's newest rated submission. */
    record Entry(String submissionId, String racerId, double rating) {
    }

    /**
     * One car of a heat as raced.
     *
     * @param submissionId the entry
     * @param grid         grid slot (0: pole; car {@code i} starts 0.75 m × i behind the line)
     * @param place        1 = winner
     * @param timeMs       finish time [ms], penalties included, or null if it did not finish
     * @param traceFile    its sim-trace, relative to the traces folder
     */
    record Car(String submissionId, int grid, int place, boolean finished, Long timeMs, int laps, int crashes,
               int offtracks, String traceFile) {
    }

    /** A heat as raced, before it is stored; {@code notRaced}: entries left out because they failed to load. */
    record Heat(String id, String leagueId, String submissionId, long seed, int laps, long raceTimeMs, List<Car> cars,
                List<String> notRaced) {
        Heat {
            cars = List.copyOf(cars);
            notRaced = List.copyOf(notRaced);
        }
    }

    /** A stored heat's car, with its racer and rating before and after. */
    record StoredCar(Car car, String racerId, String racerName, String modelName, double ratingBefore,
                     double ratingAfter) {
    }

    /** A stored heat. */
    record StoredHeat(String id, String submissionId, long seed, int laps, long raceTimeMs, long createdAt,
                      List<StoredCar> cars, String notRaced) {
    }

    /** A line of the standings. */
    record Standing(int rank, String submissionId, String racerId, String racerName, String modelName, double rating,
                    int heats, int wins, Long bestFinishMs) {
    }

    private static final String CURRENT = "SELECT * FROM (SELECT s.id, s.racer_id, r.name AS racer_name, s.model_name,"
            + " s.rating, s.heats, s.wins, s.best_finish_ms, s.created_at,"
            + " ROW_NUMBER() OVER (PARTITION BY s.racer_id ORDER BY s.created_at DESC, s.id DESC) AS rn"
            + " FROM submissions s JOIN racers r ON r.id = s.racer_id"
            + " WHERE s.league_id = ? AND s.status = " + DONE + " AND s.rating IS NOT NULL) b WHERE b.rn = 1";

    /**
     * The entries a new submission of {@code racerId} races: the other racers' current entries, best rated first
     * (ties: the older submission first), at most {@code limit}.
     */
    List<Entry> opponents(String leagueId, String racerId, int limit) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(CURRENT + " AND b.racer_id <> ?"
                     + " ORDER BY b.rating DESC, b.created_at, b.id LIMIT ?")) {
            ps.setString(1, leagueId);
            ps.setString(2, racerId);
            ps.setInt(3, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString("id"), rs.getString("racer_id"), rs.getDouble("rating")));
                }
            }
            return out;
        }
    }

    /**
     * Marks the claimed submission done with outcome {@code o} (its own result in the heat), rates it
     * {@link Ratings#INITIAL}, applies the heat's Elo changes to every car and stores the heat, all in one
     * transaction. The changes are computed from the ratings read inside the transaction and added as increments,
     * so heats stored at once by other workers lose no update.
     *
     * @return false (nothing stored) if the claim was lost meanwhile: another worker races it again
     */
    boolean finish(String id, String worker, RaceOutcome o, Heat heat) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                boolean ok = finish(c, id, worker, o, heat);
                if (ok) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return ok;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private boolean finish(Connection c, String id, String worker, RaceOutcome o, Heat heat) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE submissions SET status=" + DONE + ", worker=NULL,"
                + " lease_until=NULL, finished_at=?, completed=?, score_ms=?, best_lap_ms=?, total_ms=?, laps_done=?,"
                + " offtracks=?, resets=0, end_reason=?, laps_json='[]', crashes=?, error=NULL, rating=?, heats=0,"
                + " wins=0, trace_file=? WHERE id=? AND worker=? AND status=" + RUNNING)) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setInt(2, o.completed() ? 1 : 0);
            setLong(ps, 3, o.scoreMs());
            setLong(ps, 4, o.bestLapMs());
            ps.setLong(5, o.totalMs());
            ps.setInt(6, o.lapsCompleted());
            ps.setInt(7, o.offtracks());
            ps.setString(8, o.endReason());
            ps.setInt(9, o.crashes());
            ps.setDouble(10, Ratings.INITIAL);
            ps.setString(11, heat.cars().stream().filter(k -> k.submissionId().equals(id) && k.traceFile() != null)
                    .map(k -> Evaluator.HEAT_TRACES + "/" + heat.id() + "/" + k.traceFile()).findFirst().orElse(null));
            ps.setString(12, id);
            ps.setString(13, worker);
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        int n = heat.cars().size();
        double[] before = new double[n];
        int[] places = new int[n];
        Map<String, Double> current = ratings(c, heat.cars());
        for (int i = 0; i < n; i++) {
            Car car = heat.cars().get(i);
            before[i] = current.getOrDefault(car.submissionId(), Ratings.INITIAL);
            places[i] = car.place();
        }
        double[] after = Ratings.after(before, places);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO heats (id, league_id, submission_id, seed, laps,"
                + " cars, race_time_ms, not_raced, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, heat.id());
            ps.setString(2, heat.leagueId());
            ps.setString(3, heat.submissionId());
            ps.setLong(4, heat.seed());
            ps.setInt(5, heat.laps());
            ps.setInt(6, n);
            ps.setLong(7, heat.raceTimeMs());
            String notRaced = String.join(",", heat.notRaced());
            ps.setString(8, notRaced.isEmpty() ? null : notRaced.length() > 1900 ? notRaced.substring(0, 1900) : notRaced);
            ps.setLong(9, System.currentTimeMillis());
            ps.executeUpdate();
        }
        try (PreparedStatement car = c.prepareStatement("INSERT INTO heat_cars (heat_id, submission_id, grid, place,"
                + " finished, time_ms, laps, crashes, offtracks, rating_before, rating_after, trace_file)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement rate = c.prepareStatement("UPDATE submissions SET rating = rating + ?,"
                     + " heats = heats + 1, wins = wins + ?, best_finish_ms = CASE WHEN ? IS NULL THEN best_finish_ms"
                     + " WHEN best_finish_ms IS NULL OR best_finish_ms > ? THEN ? ELSE best_finish_ms END WHERE id = ?")) {
            for (int i = 0; i < n; i++) {
                Car k = heat.cars().get(i);
                car.setString(1, heat.id());
                car.setString(2, k.submissionId());
                car.setInt(3, k.grid());
                car.setInt(4, k.place());
                car.setInt(5, k.finished() ? 1 : 0);
                setLong(car, 6, k.timeMs());
                car.setInt(7, k.laps());
                car.setInt(8, k.crashes());
                car.setInt(9, k.offtracks());
                car.setDouble(10, before[i]);
                car.setDouble(11, after[i]);
                car.setString(12, k.traceFile());
                car.executeUpdate();
                rate.setDouble(1, after[i] - before[i]);
                rate.setInt(2, k.place() == 1 && n > 1 ? 1 : 0);
                setLong(rate, 3, k.timeMs());
                setLong(rate, 4, k.timeMs());
                setLong(rate, 5, k.timeMs());
                rate.setString(6, k.submissionId());
                rate.executeUpdate();
            }
        }
        return true;
    }

    private static Map<String, Double> ratings(Connection c, List<Car> cars) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rating FROM submissions WHERE id=?")) {
            for (Car k : cars) {
                ps.setString(1, k.submissionId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        double r = rs.getDouble(1);
                        if (!rs.wasNull()) {
                            out.put(k.submissionId(), r);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The league's standings: each racer's current entry, best rating first (ties: best finish, then older). */
    List<Standing> standings(String leagueId, int limit) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(CURRENT
                     + " ORDER BY b.rating DESC, CASE WHEN b.best_finish_ms IS NULL THEN 1 ELSE 0 END,"
                     + " b.best_finish_ms, b.created_at, b.id LIMIT ?")) {
            ps.setString(1, leagueId);
            ps.setInt(2, limit);
            List<Standing> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long best = rs.getLong("best_finish_ms");
                    out.add(new Standing(out.size() + 1, rs.getString("id"), rs.getString("racer_id"),
                            rs.getString("racer_name"), rs.getString("model_name"), rs.getDouble("rating"),
                            rs.getInt("heats"), rs.getInt("wins"), rs.wasNull() ? null : best));
                }
            }
            return out;
        }
    }

    /** The league's latest heats, newest first, with their cars by place. */
    List<StoredHeat> heats(String leagueId, int limit) throws SQLException {
        return heats("h.league_id = ? ORDER BY h.created_at DESC, h.id DESC LIMIT ?", leagueId, null, limit);
    }

    /** One heat of the league. */
    Optional<StoredHeat> heat(String leagueId, String heatId) throws SQLException {
        return heats("h.league_id = ? AND h.id = ? LIMIT ?", leagueId, heatId, 1).stream().findFirst();
    }

    private List<StoredHeat> heats(String where, String leagueId, String heatId, int limit) throws SQLException {
        Map<String, StoredHeat> out = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM heats h WHERE " + where)) {
                int i = 1;
                ps.setString(i++, leagueId);
                if (heatId != null) {
                    ps.setString(i++, heatId);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString("id"), new StoredHeat(rs.getString("id"), rs.getString("submission_id"),
                                rs.getLong("seed"), rs.getInt("laps"), rs.getLong("race_time_ms"),
                                rs.getLong("created_at"), new ArrayList<>(), rs.getString("not_raced")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT k.*, s.racer_id, s.model_name, r.name AS racer_name"
                    + " FROM heat_cars k JOIN submissions s ON s.id = k.submission_id JOIN racers r ON r.id = s.racer_id"
                    + " WHERE k.heat_id = ? ORDER BY k.place, k.grid")) {
                for (StoredHeat h : out.values()) {
                    ps.setString(1, h.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long t = rs.getLong("time_ms");
                            Long time = rs.wasNull() ? null : t;
                            Car car = new Car(rs.getString("submission_id"), rs.getInt("grid"), rs.getInt("place"),
                                    rs.getInt("finished") == 1, time, rs.getInt("laps"), rs.getInt("crashes"),
                                    rs.getInt("offtracks"), rs.getString("trace_file"));
                            h.cars().add(new StoredCar(car, rs.getString("racer_id"), rs.getString("racer_name"),
                                    rs.getString("model_name"), rs.getDouble("rating_before"),
                                    rs.getDouble("rating_after")));
                        }
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
