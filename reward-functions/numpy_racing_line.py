"""Follow the inside of curves with numpy (runs on the CPython backend).

Teaches: using numpy in a reward, as DeepRacer allows, and what that means in Racer: a file that imports
numpy runs in your own python3 (a child process, chosen automatically, not sandboxed) instead of the
embedded GraalPy. It also shows caching work in module state: the track's curvature is computed once per
track with numpy, not on every call.

The idea: on a curve, a fast line cuts towards the inside; so the target offset from the centre is a
fraction of the half width towards the inside of the local curve, and the reward falls with the distance to
that target.
"""

import numpy as np

_cache = {"key": None, "turn": None}


def _turns(waypoints):
    """Signed turn (radians, + = left) at each waypoint, smoothed over neighbours."""
    wp = np.asarray(waypoints, dtype=float)[:-1]  # drop the closing duplicate
    d = np.roll(wp, -1, axis=0) - wp
    heading = np.arctan2(d[:, 1], d[:, 0])
    turn = np.angle(np.exp(1j * (np.roll(heading, -1) - heading)))
    kernel = np.ones(5) / 5.0
    return np.convolve(np.concatenate([turn[-2:], turn, turn[:2]]), kernel, mode="valid")


def reward_function(params):
    if not params["all_wheels_on_track"]:
        return 1e-3

    key = (len(params["waypoints"]), params["track_length"])
    if _cache["key"] != key:
        _cache["key"] = key
        _cache["turn"] = _turns(params["waypoints"])
    turn = _cache["turn"]
    nxt = params["closest_waypoints"][1] % len(turn)

    half_width = 0.5 * params["track_width"]
    # target: up to 40% of the half width towards the inside of the curve
    target = float(np.clip(turn[nxt] * 8.0, -0.4, 0.4)) * half_width
    signed = params["distance_from_center"] * (1.0 if params["is_left_of_center"] else -1.0)
    error = abs(signed - target) / half_width

    return float(np.clip(1.0 - error, 1e-3, 1.0))
