package dev.racer.view;

import java.util.List;

/** Replays a list of {@link ReplayFrame}s at 15 steps a second times the playback speed, smoothly. */
public final class ReplaySource extends Source {
    private final List<ReplayFrame> frames;
    private final String label;
    private final ViewState state = new ViewState();
    private int index;

    public ReplaySource(List<ReplayFrame> frames, String label) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay: " + label + " has no steps");
        }
        this.frames = List.copyOf(frames);
        this.label = label;
        show(0, 0);
    }

    @Override
    public ViewState state() {
        return state;
    }

    @Override
    public String label() {
        return label + " " + (index + 1) + "/" + frames.size();
    }

    public int index() {
        return index;
    }

    @Override
    protected boolean stepOnce() {
        if (index + 1 >= frames.size()) {
            return false;
        }
        index++;
        show(index, 0);
        return true;
    }

    @Override
    protected void interpolate(double fraction) {
        show(index, fraction);
    }

    private void show(int i, double f) {
        ReplayFrame a = frames.get(i);
        ReplayFrame b = i + 1 < frames.size() ? frames.get(i + 1) : a;
        if (b.episode() != a.episode()) {
            b = a;
        }
        state.x = a.x() + (b.x() - a.x()) * f;
        state.y = a.y() + (b.y() - a.y()) * f;
        double dyaw = Math.IEEEremainder(b.yaw() - a.yaw(), 2 * Math.PI);
        state.yaw = a.yaw() + dyaw * f;
        state.steering = a.steering() + (b.steering() - a.steering()) * f;
        state.speed = a.speed();
        state.progress = a.progress();
        state.reward = a.reward();
        state.lap = a.lap();
        state.lapTime = a.lapTime() + f * STEP;
        state.bestLap = a.bestLap();
        state.offTrack = a.offTrack();
        state.step = i;
    }
}
