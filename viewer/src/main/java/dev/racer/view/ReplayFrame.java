package dev.racer.view;

/**
 * One step of a recorded run, as the viewer replays it.
 *
 * @param episode   episode (lap attempt) number as recorded
 * @param step      step within the episode
 * @param x         rear-axle centre x [m]
 * @param y         rear-axle centre y [m]
 * @param yaw       heading [rad]
 * @param steering  front-wheel angle [rad], + left
 * @param speed     speed [m/s]
 * @param progress  progress [%]
 * @param reward    reward of the step
 * @param lap       lap number, 1 for the first
 * @param lapTime   time into the lap [s]
 * @param bestLap   best complete lap so far [s], NaN if none
 * @param offTrack  times off the track so far
 * @param crashes   crashes so far
 * @param penaltyLeft penalty time left to serve [s], 0 when racing
 * @param status    episode status as recorded (e.g. {@code in_progress}, {@code off_track}, {@code lap_complete})
 * @param crashPenalty the penalty being served (or the last one) follows a crash into a box, not an off-track
 * @param sinceCrash  time since the last {@code crashed} row [s]; infinite before the first
 */
public record ReplayFrame(int episode, int step, double x, double y, double yaw, double steering, double speed,
                          double progress, double reward, int lap, double lapTime, double bestLap, int offTrack,
                          int crashes, double penaltyLeft, String status, boolean crashPenalty,
                          double sinceCrash) {
}
