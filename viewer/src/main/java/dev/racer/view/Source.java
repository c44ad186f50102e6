package dev.racer.view;

/**
 * What the viewer shows: one car or several, driven live or replayed from traces. Playback runs at real time, faster, slower,
 * paused or one step at a time; the renderer only reads {@link #state()}.
 */
public abstract class Source implements AutoCloseable {
    /** simulation step [s] (DeepRacer's 15 Hz) */
    public static final double STEP = 1.0 / 15.0;
    private static final double[] SPEEDS = {0.125, 0.25, 0.5, 1, 2, 4, 8, 16};

    private int speedIndex = 3;
    private boolean paused;
    private int stepRequests;
    private double pending;     // simulation time not yet stepped [s]
    private final Standings standings = new Standings();

    /** The frame to draw (owned by the source). */
    public abstract ViewState state();

    /** A short description for the HUD ("LIVE: model NAME", "REPLAY trace.csv"). */
    public abstract String label();

    /** Advances the simulation by one step (and sets the state's step and time); false when there is nothing more to show. */
    protected abstract boolean stepOnce();

    /** One step, then the places and gaps. */
    private boolean stepAndRank() {
        boolean more = stepOnce();
        standings.update(state());
        return more;
    }

    /** Shows the frame at simulation time {@code fraction} of a step past the last step (for smooth replays). */
    protected void interpolate(double fraction) {
    }

    /** Moves to step {@code n} from the start (for screenshots), as fast as it can. */
    public void seek(int n) {
        for (int i = 0; i < n; i++) {
            if (!stepAndRank()) {
                break;
            }
        }
        updateInfo();
    }

    /** Advances by {@code wallSeconds} of real time at the playback speed. */
    public void advance(double wallSeconds) {
        if (paused) {
            while (stepRequests > 0) {
                stepRequests--;
                stepAndRank();
            }
            pending = 0;
        } else {
            pending += Math.min(wallSeconds, 0.25) * speed();
            int budget = 64; // do not fall behind for ever on a slow machine
            while (pending >= STEP && budget-- > 0) {
                pending -= STEP;
                if (!stepAndRank()) {
                    paused = true;
                    pending = 0;
                    break;
                }
            }
            if (budget <= 0) {
                pending = 0;
            }
            interpolate(pending / STEP);
        }
        updateInfo();
    }

    private void updateInfo() {
        standings.update(state());
        String sp = speed() >= 1 ? String.format(java.util.Locale.ROOT, "%.0fX", speed())
                : String.format(java.util.Locale.ROOT, "1/%.0fX", 1 / speed());
        state().info = label() + "  " + (paused ? "PAUSED" : sp);
    }

    public double speed() {
        return SPEEDS[speedIndex];
    }

    public boolean paused() {
        return paused;
    }

    public void togglePause() {
        paused = !paused;
    }

    /** Pauses and moves one step on. */
    public void step() {
        paused = true;
        stepRequests++;
    }

    public void faster() {
        speedIndex = Math.min(SPEEDS.length - 1, speedIndex + 1);
    }

    public void slower() {
        speedIndex = Math.max(0, speedIndex - 1);
    }

    public void realTime() {
        speedIndex = 3;
        paused = false;
    }

    @Override
    public void close() {
    }
}
