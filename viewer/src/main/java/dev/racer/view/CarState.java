package dev.racer.view;

/**
 * One car in a frame: its pose and the HUD's figures. Sources write it; the renderer and the HUD only read it.
 * {@link #position} and {@link #gap} are filled in by {@link Standings} after each step.
 */
public final class CarState {
    /** the car's name on its label and in the standings (a model folder, a driver, a trace file) */
    public String name = "";
    /** index of its shell colour in {@link dev.racer.render.CarModel#PALETTE} */
    public int colour;
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
    /** progress in this lap [%] */
    public double progress;
    /** reward of the last step */
    public double reward;
    /** times off the track so far */
    public int offTrack;
    /** crashes (into another car or an object) so far */
    public int crashes;
    /** the car is frozen serving a penalty */
    public boolean inPenalty;
    /** the penalty [s] being served (or that would be) */
    public double penalty;
    /** penalty time still to serve [s]; 0 outside a penalty */
    public double penaltyLeft;
    /** the penalty being served (or the last one) is for a crash into a box, not for going off the track */
    public boolean crashPenalty;
    /** time since the car last crashed into a box [s]; infinite if it never has */
    public double sinceCrash = Double.POSITIVE_INFINITY;
    /** place in the race, 1 for the leader (by laps and progress) */
    public int position = 1;
    /** time behind the car one place ahead [s]; NaN for the leader or while unknown */
    public double gap = Double.NaN;

    public CarState() {
    }

    public CarState(String name, int colour) {
        this.name = name;
        this.colour = colour;
    }

    /** Distance raced in lap percent: 100 per completed lap plus this lap's progress. */
    public double distance() {
        return (lap - 1) * 100.0 + progress;
    }

    public void copyFrom(CarState o) {
        name = o.name;
        colour = o.colour;
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
        crashes = o.crashes;
        inPenalty = o.inPenalty;
        penalty = o.penalty;
        penaltyLeft = o.penaltyLeft;
        crashPenalty = o.crashPenalty;
        sinceCrash = o.sinceCrash;
        position = o.position;
        gap = o.gap;
    }
}
