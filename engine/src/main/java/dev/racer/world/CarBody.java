package dev.racer.world;

/**
 * The car's rectangle in DeepRacer's crash test: {@code ObstacleDimensions.BOT_CAR_DIMENSION}
 * (0.19610 m wide, 0.32352 m long), centred on the car's model origin ({@code base_link}, midway between
 * the axles in the URDF), which lies {@value #FRONT_FROM_ORIGIN} m behind the point DeepRacer reports as
 * {@code x, y} ({@code RELATIVE_POSITION_OF_FRONT_OF_CAR}). Racer's car origin is that same point.
 */
public final class CarBody {
    public static final double LENGTH = 0.32352;
    public static final double WIDTH = 0.1961;
    /** distance from the model origin forward to the reported front point [m] */
    public static final double FRONT_FROM_ORIGIN = 0.14;

    private CarBody() {
    }
}
