package dev.racer.league.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The league's HTTP API as typed records, shared by the server, {@code LeagueClient} and the CLI. Components are
 * camelCase in Java and snake_case on the wire ({@link Wire}); times are epoch milliseconds unless named
 * otherwise.
 */
public final class LeagueApi {
    private LeagueApi() {
    }

    /** Every error: {@code {"error": "...", "field": "..."}}; {@code field} names the request field at fault. */
    public record ErrorReply(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {
    }

    /** {@code GET /api/health}: submissions per status. */
    public record Health(String status, Map<String, Integer> submissions) {
    }

    /**
     * A league and its rules.
     *
     * @param offtrackPenalty seconds added per off-track [s]
     * @param timeLimit       a race's time limit [s]
     */
    public record LeagueInfo(String id, String name, String track, int laps, double offtrackPenalty, int maxResets,
                             String ranking, int timeLimit) {
    }

    /** {@code GET /api/leagues}. */
    public record LeagueList(List<LeagueInfo> leagues) {
    }

    /**
     * {@code POST /api/leagues} (admin): a null field takes the default rule.
     *
     * @param offtrackPenalty seconds added per off-track [s]
     * @param timeLimit       a race's time limit [s]
     * @param replace         change the rules of an existing league
     */
    public record CreateLeague(String id, String name, String track, Integer laps, Double offtrackPenalty,
                               Integer maxResets, String ranking, Integer timeLimit, Boolean replace) {
    }

    /** {@code GET /api/leagues/{league}/track}: the track's outline, points {@code [x, y]} [m]. */
    public record TrackShape(String id, String name, List<double[]> center, List<double[]> inner,
                             List<double[]> outer) {
    }

    /** {@code POST /api/racers}. */
    public record Register(String name) {
    }

    /** The answer to {@link Register}: the token is shown only once. */
    public record Registered(String id, String name, String token, String note) {
    }

    /** {@code GET /api/me}. */
    public record Me(String id, String name) {
    }

    /** One lap of a race: time [ms] with penalties, off-tracks, and how far it got [%]. */
    public record Lap(int lap, long timeMs, int offtracks, boolean completed, double progress) {
    }

    /** A finished race's figures [ms]; {@code scoreMs} is null when the race does not qualify for ranking. */
    public record Result(boolean completed, String endReason, Long scoreMs, Long bestLapMs, Long avgLapMs,
                         Long totalMs, Integer lapsCompleted, Integer offtracks, Integer resets, List<Lap> laps) {
    }

    /** A submission; {@code error} when it failed, {@code result} when it is done. */
    public record Submission(String id, String league, String racerId, String racer, String model,
                             SubmissionStatus status, int attempts, long createdAt, Long startedAt, Long finishedAt,
                             String sha256, @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Result result) {
    }

    /** {@code GET /api/submissions}: the caller's latest submissions. */
    public record SubmissionList(List<Submission> submissions) {
    }

    /** A racer's line on a leaderboard: their best ranked submission [ms]. */
    public record BoardEntry(int rank, String racerId, String racer, String model, long scoreMs, Long bestLapMs,
                             Long avgLapMs, long totalMs, int offtracks, List<Long> lapTimesMs, long finishedAt,
                             int submissions) {
    }

    /** {@code GET /api/leagues/{league}/leaderboard}. */
    public record Leaderboard(LeagueInfo league, List<BoardEntry> entries, Map<String, Integer> queue) {
    }

    /** A replay lap: points {@code [x, y, speed, t]} [m, m, m/s, s]. */
    public record ReplayLap(int lap, List<double[]> points) {
    }

    /** {@code GET /api/leagues/{league}/leaderboard/{racer}/replay}. */
    public record Replay(List<ReplayLap> laps) {
    }
}
