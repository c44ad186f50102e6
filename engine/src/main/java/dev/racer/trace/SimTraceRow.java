package dev.racer.trace;

/**
 * One row of a sim-trace, as {@link SimTraceReader} reads it. Racer's own columns read as NaN (or -1 for
 * integers) in traces that lack them, such as DeepRacer's own.
 *
 * @param episode           episode number (a lap, in a time trial), from 0
 * @param steps             step in the episode: 0 on Racer's {@code prepare} row, then from 1 (DeepRacer's own
 *                          traces number their prepare row 1)
 * @param x                 front point x [m]
 * @param y                 front point y [m]
 * @param yaw               heading [deg]
 * @param steer             commanded steering [deg]
 * @param throttle          commanded speed [m/s]
 * @param action            discrete action index, or -1
 * @param reward            reward
 * @param done              the episode ends with this row
 * @param allWheelsOnTrack  all four wheels on the road
 * @param progress          progress [%]
 * @param closestWaypoint   the nearer of the previous and next waypoints
 * @param trackLength       centre-line length [m]
 * @param tstamp            simulation time [s]
 * @param episodeStatus     DeepRacer's status word: in_progress, off_track, pause, lap_complete...
 * @param pauseDuration     penalty time left [s]
 * @param speed             actual speed [m/s] (Racer)
 * @param lap               lap, from 1 (Racer)
 * @param wheelsOnTrack     wheels on the road, 0..4 (Racer)
 */
public record SimTraceRow(int episode, int steps, double x, double y, double yaw, double steer, double throttle,
                          int action, double reward, boolean done, boolean allWheelsOnTrack, double progress,
                          int closestWaypoint, double trackLength, double tstamp, String episodeStatus,
                          double pauseDuration, double speed, int lap, int wheelsOnTrack) {
}
