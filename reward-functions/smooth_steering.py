"""Avoid zig-zag: penalise steering.

Teaches: shaping a base reward with a penalty. The car is rewarded for staying near the centre, and that
reward is scaled down by how hard it steers, so it learns to hold a line instead of weaving. It also shows
module-level state: the previous steering angle survives between calls (as it does in DeepRacer), so a
sudden swing from left to right costs more than a steady turn.
"""

STEERING_LIMIT = 15.0  # degrees above which steering is penalised
_last_steering = None  # previous call's steering angle (module state persists across calls)


def reward_function(params):
    global _last_steering
    if not params["all_wheels_on_track"]:
        _last_steering = None
        return 1e-3

    half_width = 0.5 * params["track_width"]
    reward = max(1.0 - params["distance_from_center"] / half_width, 0.0)

    steering = abs(params["steering_angle"])
    if steering > STEERING_LIMIT:
        reward *= 0.7

    if _last_steering is not None and params["steps"] > 1:
        swing = abs(params["steering_angle"] - _last_steering)
        if swing > 20.0:  # left-right-left: the zig-zag we want to train away
            reward *= 0.8
    _last_steering = params["steering_angle"]

    return float(max(reward, 1e-3))
