package dev.racer.race;

/**
 * Gymnasium's {@code reset(seed, options)} options, typed: overrides of where this one episode starts.
 * Null fields (and negative {@code episode}) leave the environment's {@link EnvConfig} in charge.
 *
 * @param startWaypoint row to start at (the first {@code ROUND_ROBIN} start), instead of
 *                      {@link EnvConfig#startWaypoint()}; null: the config's
 * @param startMode     start mode for this episode instead of {@link EnvConfig#startMode()}; null: the config's
 * @param episode       under {@code ROUND_ROBIN}, the episode index that fixes how far round the lap the start
 *                      is ({@code startWaypoint + episode × roundRobinAdvance}), so that episodes spread over
 *                      several environments start where one environment would have started them; -1: the
 *                      environment's own count of resets
 */
public record ResetOptions(Integer startWaypoint, StartMode startMode, long episode) {

    /** No overrides: the environment's config decides. */
    public static final ResetOptions NONE = new ResetOptions(null, null, -1);

    public ResetOptions {
        if (startWaypoint != null && startWaypoint < 0) {
            throw new IllegalArgumentException("startWaypoint must be >= 0, got " + startWaypoint);
        }
        if (episode < -1) {
            throw new IllegalArgumentException("episode must be >= 0, or -1 for the environment's count, got "
                    + episode);
        }
    }

    /** Starts at {@code row}, whatever the config's start mode. */
    public static ResetOptions at(int row) {
        return new ResetOptions(row, StartMode.FIXED, -1);
    }

    /** DeepRacer's training start: episode {@code episode} of a round robin from the config's start waypoint. */
    public static ResetOptions roundRobin(long episode) {
        if (episode < 0) {
            throw new IllegalArgumentException("episode must be >= 0, got " + episode);
        }
        return new ResetOptions(null, StartMode.ROUND_ROBIN, episode);
    }
}
