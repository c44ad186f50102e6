package dev.racer.view;

/**
 * What one frame shows: the car's pose and the HUD's figures. Sources (live or replay) write it; the renderer
 * only reads it.
 */
public final class ViewState {
    /** rear-axle centre [m] */
    public double x, y;
    /** heading [rad] */
    public double yaw;
    /** front-wheel angle [rad], + left */
    public double steering;
    /** speed [m/s] */
    public double speed;
    /** lap number, 1 for the first */
    public int lap = 1;
    /** time in this lap [s] */
    public double lapTime;
    /** best lap time [s], NaN while no lap is complete */
    public double bestLap = Double.NaN;
    /** progress [%] */
    public double progress;
    /** reward of the last step */
    public double reward;
    /** times off the track so far */
    public int offTrack;
    /** the car is frozen serving an off-track penalty */
    public boolean inPenalty;
    /** the off-track penalty [s] being served (or that would be) */
    public double penalty;
    /** penalty time still to serve [s]; 0 outside a penalty */
    public double penaltyLeft;
    /** steps so far */
    public int step;
    /** a short line on what is being shown (mode, source, replay speed) */
    public String info = "";

    public void copyFrom(ViewState o) {
        x = o.x;
        y = o.y;
        yaw = o.yaw;
        steering = o.steering;
        speed = o.speed;
        lap = o.lap;
        lapTime = o.lapTime;
        bestLap = o.bestLap;
        progress = o.progress;
        reward = o.reward;
        offTrack = o.offTrack;
        inPenalty = o.inPenalty;
        penalty = o.penalty;
        penaltyLeft = o.penaltyLeft;
        step = o.step;
        info = o.info;
    }
}
