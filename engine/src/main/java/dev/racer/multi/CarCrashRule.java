package dev.racer.multi;

import dev.racer.world.CarBody;
import dev.racer.world.Rects;

/**
 * DeepRacer's car–car crash rule, as pure functions.
 *
 * <p>The test is the boxes' test ({@code TrackData.get_collided_object_name}) with the other car's footprint:
 * a racing car has crashed into another car (racing car or bot, both {@code BOT_CAR_DIMENSION}, 0.32352 m ×
 * 0.1961 m centred on the model origin) when one of <em>its own</em> corners lies strictly inside the other's
 * rectangle. The test is one-sided: a bot's corner inside a racing car counts for nothing, and only racing cars
 * test (bots never do).
 *
 * <p>Who pays ({@code rollout_agent_ctrl._check_for_episode_termination} and {@code BotCarsCtrl.judge_action}):
 * the one behind. Progress is compared as a position on the lap ({@code get_normalized_progress}: progress plus
 * the start offset, modulo 100), so just after the start line a car at 1 % counts as behind one at 99 %.
 * <ul>
 *   <li>Racing car behind: it has crashed ({@code is_crashed}, status {@code crashed}): in training the episode
 *       ends; in a race it stops where it is for the collision penalty, blinking, invisible to the crash test
 *       meanwhile, and is not moved back.</li>
 *   <li>Racing car ahead (run into from behind): status {@code in_progress}, {@code is_crashed} false. A bot
 *       that ran into it makes every bot stop for {@code PENALTY_SECONDS}; another racing car that ran into it
 *       is the one behind, and pays by its own test.</li>
 * </ul>
 */
public final class CarCrashRule {
    private static final double HL = CarBody.LENGTH / 2, HW = CarBody.WIDTH / 2;

    private CarCrashRule() {
    }

    /**
     * Whether car A (model origin, heading [rad]) has crashed into car B by the simapp's corner test: a corner of
     * A strictly inside B.
     */
    public static boolean cornerInside(double ax, double ay, double ayaw, double bx, double by, double byaw) {
        return Rects.anyCornerInside(ax, ay, Math.cos(ayaw), Math.sin(ayaw), HL, HW,
                bx, by, Math.cos(byaw), Math.sin(byaw), HL, HW);
    }

    /**
     * DeepRacer's {@code get_normalized_progress}: a position on the lap [0, 100) from progress [%] (negative
     * before the start line on a staggered start) and the start offset [0, 1).
     */
    public static double normalized(double progress, double startNdist) {
        double p = (progress + startNdist * 100) % 100;
        return p < 0 ? p + 100 : p;
    }

    /** Whether the car at normalised progress {@code car} is the one that pays for hitting one at {@code other}. */
    public static boolean atFault(double car, double other) {
        return car < other;
    }
}
