"""Reward speed where it is safe: fast on straights, careful in curves.

Teaches: looking ahead along the waypoints to tell a straight from a curve, and making the reward for speed
depend on it. Rewarding speed everywhere makes a car that flies off at the first bend; rewarding it only
where the track ahead is straight teaches it to brake for corners.
"""

import math

LOOK_AHEAD = 5          # waypoints
STRAIGHT_DEGREES = 10.0  # total turn ahead below which the track counts as straight
MAX_SPEED = 4.0


def _turn_ahead(waypoints, start):
    n = len(waypoints) - 1  # the last waypoint repeats the first
    total = 0.0
    prev_dir = None
    for i in range(LOOK_AHEAD):
        a = waypoints[(start + i) % n]
        b = waypoints[(start + i + 1) % n]
        d = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        if prev_dir is not None:
            t = abs(d - prev_dir)
            total += 360.0 - t if t > 180.0 else t
        prev_dir = d
    return total


def reward_function(params):
    if not params["all_wheels_on_track"]:
        return 1e-3

    speed = params["speed"]
    straight = _turn_ahead(params["waypoints"], params["closest_waypoints"][1]) < STRAIGHT_DEGREES
    if straight:
        reward = 0.2 + 0.8 * speed / MAX_SPEED          # faster is better
    else:
        reward = 1.0 if speed <= 2.0 else 2.0 / speed   # slow down for curves

    half_width = 0.5 * params["track_width"]
    reward *= 1.0 - 0.5 * min(params["distance_from_center"] / half_width, 1.0)
    return float(reward)
