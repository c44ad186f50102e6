package dev.racer.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one frame shows: every car ({@link CarState}, one for a time trial, several for a head-to-bot or
 * head-to-model race), the step and clock, and a line on the source. Sources (live, replay, or any multi-car
 * source) write it; the renderer and the HUD only read it, and which car the camera follows is the viewer's
 * choice, not the state's.
 */
public final class ViewState {
    private final List<CarState> cars = new ArrayList<>();
    private final List<CarState> view = Collections.unmodifiableList(cars);
    /** steps so far */
    public int step;
    /** simulation time [s] */
    public double time;
    /** a short line on what is being shown (source, replay speed) */
    public String info = "";
    /** the boxes on the track: {@code x, y} [m] and {@code heading} [rad] of box i at {@code 3i .. 3i+2} */
    private double[] boxes = new double[0];
    private int boxCount;

    /** A state with one car called {@code name} in colour 0. */
    public static ViewState single(String name) {
        ViewState s = new ViewState();
        s.add(new CarState(name, 0));
        return s;
    }

    /** Adds a car (sources set their cars up once). */
    public CarState add(CarState car) {
        cars.add(car);
        return car;
    }

    /** The cars, in the source's order (read-only view). */
    public List<CarState> cars() {
        return view;
    }

    public int count() {
        return cars.size();
    }

    public CarState car(int i) {
        return cars.get(i);
    }

    /** Car {@code follow}, clamped to the cars there are (what the camera follows). */
    public CarState followed(int follow) {
        return cars.get(Math.floorMod(follow, cars.size()));
    }

    /** The boxes standing now (an object-avoidance race's), copied; allocates only when there are more than before. */
    public void setBoxes(dev.racer.world.WorldObjects o) {
        ensureBoxes(o.count());
        for (int i = 0; i < boxCount; i++) {
            boxes[3 * i] = o.x(i);
            boxes[3 * i + 1] = o.y(i);
            boxes[3 * i + 2] = o.heading(i);
        }
    }

    /** The boxes standing now, each {@code {x, y, heading}} (a replay's placement); null: none. */
    public void setBoxes(double[][] b) {
        ensureBoxes(b == null ? 0 : b.length);
        for (int i = 0; i < boxCount; i++) {
            System.arraycopy(b[i], 0, boxes, 3 * i, 3);
        }
    }

    private void ensureBoxes(int n) {
        if (boxes.length < 3 * n) {
            boxes = new double[3 * n];
        }
        boxCount = n;
    }

    /** boxes on the track (0 outside an object-avoidance race) */
    public int boxCount() {
        return boxCount;
    }

    /** centre x of box {@code i} [m] */
    public double boxX(int i) {
        return boxes[3 * i];
    }

    /** centre y of box {@code i} [m] */
    public double boxY(int i) {
        return boxes[3 * i + 1];
    }

    /** heading of box {@code i}'s length axis [rad] */
    public double boxHeading(int i) {
        return boxes[3 * i + 2];
    }

    /** The same frame, copied (cars included). */
    public void copyFrom(ViewState o) {
        while (cars.size() > o.cars.size()) {
            cars.remove(cars.size() - 1);
        }
        for (int i = 0; i < o.cars.size(); i++) {
            if (i == cars.size()) {
                cars.add(new CarState());
            }
            cars.get(i).copyFrom(o.cars.get(i));
        }
        step = o.step;
        time = o.time;
        info = o.info;
        ensureBoxes(o.boxCount);
        System.arraycopy(o.boxes, 0, boxes, 0, 3 * o.boxCount);
    }
}
