package dev.racer.view;

import dev.racer.trace.ObjectTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays recorded runs at 15 steps a second times the playback speed, smoothly: one car, or several raced
 * together (a head-to-model race's trace per car), step {@code i} of every trace shown at once. A car whose
 * trace has ended stays where it finished.
 */
public final class ReplaySource extends Source {
    /** One car's recording: its name, its steps and where the boxes stood (none outside object avoidance). */
    public record Car(String name, List<ReplayFrame> frames, List<ObjectTrace.Placement> boxes) {
        public Car {
            frames = List.copyOf(frames);
            boxes = List.copyOf(boxes);
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("nothing to replay: " + name + " has no steps");
            }
        }

        /** A recording without boxes. */
        public Car(String name, List<ReplayFrame> frames) {
            this(name, frames, List.of());
        }
    }

    private final List<Car> cars;
    private final String label;
    private final ViewState state = new ViewState();
    private final int length;
    private int index;

    /** One car called after {@code label}. */
    public ReplaySource(List<ReplayFrame> frames, String label) {
        this(label, List.of(new Car(label, frames)));
    }

    /** Several cars raced together, car {@code i} in colour {@code i}. */
    public static ReplaySource of(List<Car> cars, String label) {
        return new ReplaySource(label, cars);
    }

    private ReplaySource(String label, List<Car> cars) {
        if (cars.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay: no traces");
        }
        this.cars = new ArrayList<>(cars);
        this.label = label;
        int max = 0;
        for (int i = 0; i < cars.size(); i++) {
            state.add(new CarState(cars.get(i).name(), i));
            max = Math.max(max, cars.get(i).frames().size());
        }
        this.length = max;
        show(0, 0);
    }

    @Override
    public ViewState state() {
        return state;
    }

    @Override
    public String label() {
        return label + " " + (index + 1) + "/" + length;
    }

    public int index() {
        return index;
    }

    @Override
    protected boolean stepOnce() {
        if (index + 1 >= length) {
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
        state.step = i;
        state.time = (i + f) * STEP;
        for (int c = 0; c < cars.size(); c++) {
            List<ReplayFrame> frames = cars.get(c).frames();
            int k = Math.min(i, frames.size() - 1);
            show(state.car(c), frames, k, k == i ? f : 0);
        }
        // the boxes: the first car's recording that has them (the cars of one race share them)
        for (Car car : cars) {
            if (!car.boxes().isEmpty()) {
                ReplayFrame at = car.frames().get(Math.min(i, car.frames().size() - 1));
                ObjectTrace.Placement p = ObjectTrace.at(car.boxes(), at.episode(), at.step());
                state.setBoxes(p == null ? null : p.boxes());
                break;
            }
        }
    }

    private static void show(CarState s, List<ReplayFrame> frames, int i, double f) {
        ReplayFrame a = frames.get(i);
        ReplayFrame b = i + 1 < frames.size() ? frames.get(i + 1) : a;
        if (b.episode() != a.episode()) {
            b = a;
        }
        s.x = a.x() + (b.x() - a.x()) * f;
        s.y = a.y() + (b.y() - a.y()) * f;
        double dyaw = Math.IEEEremainder(b.yaw() - a.yaw(), 2 * Math.PI);
        s.yaw = a.yaw() + dyaw * f;
        s.steering = a.steering() + (b.steering() - a.steering()) * f;
        s.speed = a.speed();
        s.progress = a.progress();
        s.reward = a.reward();
        s.lap = a.lap();
        s.lapTime = a.lapTime() + f * STEP;
        s.bestLap = a.bestLap();
        s.offTrack = a.offTrack();
        s.crashes = a.crashes();
        s.penaltyLeft = a.penaltyLeft();
        s.inPenalty = a.penaltyLeft() > 0;
        s.penalty = a.penaltyLeft() > 0 ? Math.max(s.penalty, a.penaltyLeft()) : 0;
        s.crashPenalty = a.crashPenalty();
        s.sinceCrash = a.sinceCrash() + f * STEP;
    }
}
