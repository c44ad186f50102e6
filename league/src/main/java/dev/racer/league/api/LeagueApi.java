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
     * @param offtrackPenalty  seconds added per off-track [s]
     * @param timeLimit        a race's time limit [s]
     * @param raceType         {@code TIME_TRIAL}, {@code OBJECT_AVOIDANCE} (or {@code HEAD_TO_BOT})
     * @param objects          boxes on the track (0 unless object avoidance)
     * @param randomizeObjects the boxes are placed at random (the same places for every race: a fixed seed)
     * @param objectPositions  fixed boxes as DeepRacer's {@code OBJECT_POSITIONS} ({@code "ndist,lane"}), or empty
     *                         when they are spaced evenly
     * @param collisionPenalty seconds added per crash into an object [s]
     * @param bots             bot cars (head-to-bot)
     * @param botSpeed         their speed [m/s]
     * @param botLaneChange    they change lanes
     */
    public record LeagueInfo(String id, String name, String track, int laps, double offtrackPenalty, int maxResets,
                             String ranking, int timeLimit, String raceType, int objects, boolean randomizeObjects,
                             List<String> objectPositions, double collisionPenalty, int bots, double botSpeed,
                             boolean botLaneChange, int heatSize) {
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
     * @param raceType         {@code TIME_TRIAL} (default) or {@code OBJECT_AVOIDANCE} (the object fields imply it)
     * @param objects          number of boxes spaced evenly, alternating lanes (null: DeepRacer's six fixed ones)
     * @param randomizeObjects place the boxes at random (with the race's fixed seed)
     * @param objectPositions  fixed boxes as DeepRacer's {@code OBJECT_POSITIONS}: {@code "ndist,lane"} each
     * @param collisionPenalty seconds added per crash into an object [s] (default 5)
     * @param bots             bot cars (needs race type {@code HEAD_TO_BOT})
     * @param botSpeed         their speed [m/s]
     * @param botLaneChange    they change lanes
     */
    public record CreateLeague(String id, String name, String track, Integer laps, Double offtrackPenalty,
                               Integer maxResets, String ranking, Integer timeLimit, Boolean replace,
                               String raceType, Integer objects, Boolean randomizeObjects,
                               List<String> objectPositions, Double collisionPenalty, Integer bots,
                               Double botSpeed, Boolean botLaneChange, Integer heatSize) {

        /** A time trial's request. */
        public CreateLeague(String id, String name, String track, Integer laps, Double offtrackPenalty,
                            Integer maxResets, String ranking, Integer timeLimit, Boolean replace) {
            this(id, name, track, laps, offtrackPenalty, maxResets, ranking, timeLimit, replace, null, null, null, null,
                    null, null, null, null, null);
        }
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

    /** One lap of a race: time [ms] with penalties, off-tracks, how far it got [%], crashes into objects. */
    public record Lap(int lap, long timeMs, int offtracks, boolean completed, double progress, int crashes) {
    }

    /**
     * A finished race's figures [ms]; {@code scoreMs} is null when the race does not qualify for ranking;
     * {@code crashes}: collisions with objects in the whole race.
     */
    public record Result(boolean completed, String endReason, Long scoreMs, Long bestLapMs, Long avgLapMs,
                         Long totalMs, Integer lapsCompleted, Integer offtracks, Integer resets, Integer crashes,
                         List<Lap> laps) {
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

    /** A racer's line on a leaderboard: their best ranked submission [ms]; {@code crashes}: collisions in it. */
    public record BoardEntry(int rank, String racerId, String racer, String model, long scoreMs, Long bestLapMs,
                             Long avgLapMs, long totalMs, int offtracks, int crashes, List<Long> lapTimesMs,
                             long finishedAt, int submissions) {
    }

    /**
     * {@code GET /api/leagues/{league}/leaderboard}: a time trial's {@code entries} by score; a head-to-model
     * league's {@code standings} by rating ({@code entries} then empty).
     */
    public record Leaderboard(LeagueInfo league, List<BoardEntry> entries, Map<String, Integer> queue,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Standing> standings) {
    }

    /**
     * A racer's line in a head-to-model league: their current entry (newest rated submission), its Elo rating,
     * heats raced and won, best finish time [ms] (null: it never finished a heat).
     */
    public record Standing(int rank, String racerId, String racer, String model, String submission, double rating,
                           int heats, int wins, Long bestFinishMs) {
    }

    /**
     * A car of a heat: place (1 = winner), grid slot (0 = pole), finish time [ms] with penalties or null, laps
     * completed, crashes it paid for, times off track, its rating before and after the heat.
     */
    public record HeatCar(int place, int grid, String submission, String racerId, String racer, String model,
                          boolean finished, Long timeMs, int laps, int crashes, int offtracks, double ratingBefore,
                          double ratingAfter) {
    }

    /**
     * A heat: raced when {@code submission} was evaluated, with {@code seed}; {@code raceTimeMs} is the race
     * clock at the end; {@code notRaced}: entries left out because their model failed.
     */
    public record Heat(String id, String submission, long seed, int laps, long raceTimeMs, long createdAt,
                       List<HeatCar> cars, List<String> notRaced) {
    }

    /** {@code GET /api/leagues/{league}/heats}: newest first. */
    public record HeatList(List<Heat> heats) {
    }

    /** One car's drive in a heat replay: points {@code [x, y, speed, t]} [m, m, m/s, s], pauses left out. */
    public record HeatReplayCar(String submission, String racer, String model, int place, List<double[]> points) {
    }

    /** {@code GET /api/leagues/{league}/heats/{heat}/replay}: every car of the heat, by place. */
    public record HeatReplay(Heat heat, List<HeatReplayCar> cars) {
    }

    /** A replay lap: points {@code [x, y, speed, t]} [m, m, m/s, s]. */
    public record ReplayLap(int lap, List<double[]> points) {
    }

    /**
     * An object on the track: its centre [m], heading [rad] (its length along it) and size [m].
     */
    public record ReplayObject(double x, double y, double heading, double length, double width) {
    }

    /**
     * {@code GET /api/leagues/{league}/leaderboard/{racer}/replay}: the laps, and the objects on the track (placed
     * as the race placed them under the league's rules).
     */
    public record Replay(List<ReplayLap> laps, List<ReplayObject> objects) {
    }
}
