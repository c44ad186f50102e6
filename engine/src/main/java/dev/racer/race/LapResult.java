package dev.racer.race;

/**
 * One lap of a time trial.
 *
 * @param lap        lap number, from 1
 * @param completed  whether the car crossed the line (progress 100)
 * @param progress   progress at the end of the lap [%]: 100 when completed, else how far it got
 * @param steps      driving steps in the lap (each {@code dt} of simulation time)
 * @param pauseSteps rows of penalty pauses written to the sim-trace in the lap
 * @param penaltyMs  penalty time in the lap [ms]
 * @param timeMs     lap time [ms] in simulation time: {@code steps × dt} plus the penalties
 * @param offTracks  times the car went off track in the lap
 * @param resets     times it was put back on the track in the lap (off-track, or stuck under
 *                   {@link StuckRule#RESET})
 * @param firstStep  trial-wide number of the lap's first driving step (from 1)
 * @param lastStep   trial-wide number of its last driving step
 * @param meanSpeed  mean actual speed over the driving steps [m/s]
 * @param maxSpeed   top actual speed [m/s]
 * @param crashes    times the car crashed into an object in the lap
 */
public record LapResult(int lap, boolean completed, double progress, int steps, int pauseSteps, long penaltyMs,
                        long timeMs, int offTracks, int resets, int firstStep, int lastStep, double meanSpeed,
                        double maxSpeed, int crashes) {
}
