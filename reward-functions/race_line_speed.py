"""Race: fast along a line that cuts the corners, slower only where the track bends.

Teaches: speed along a line. The reward is the car's speed along the track's direction (its speed times the
cosine of the angle between its heading and the track a few waypoints ahead), squared so that the last
m/s counts most, times how close the car is to a racing line that moves towards the inside of each bend.
Speed alone flies off at the first corner; the line alone makes a careful lapper; their product teaches a
racer. Episodes that go off the track get almost nothing, and a completed lap gets a bonus that grows
the fewer steps it took.

DeepRacer-compatible: plain Python, the standard params only.
"""

import math

LOOK_AHEAD = 3        # waypoints ahead that set the track's direction
MAX_SPEED = 4.0       # [m/s] the action space's top speed
INSIDE = 0.5          # how far towards the inside of a bend the line goes, as a fraction of the half width
TURN_FULL = 0.35      # [rad] total turn over the look-ahead at which the line is fully inside


def _direction(waypoints, i):
    n = len(waypoints) - 1 if waypoints[0] == waypoints[-1] else len(waypoints)
    a = waypoints[i % n]
    b = waypoints[(i + LOOK_AHEAD) % n]
    return math.atan2(b[1] - a[1], b[0] - a[0]), n


def _wrap(angle):
    while angle > math.pi:
        angle -= 2 * math.pi
    while angle < -math.pi:
        angle += 2 * math.pi
    return angle


def reward_function(params):
    if not params["all_wheels_on_track"] or params["is_offtrack"]:
        return 1e-3

    waypoints = params["waypoints"]
    nxt = params["closest_waypoints"][1]
    here, n = _direction(waypoints, nxt - 1)
    ahead, _ = _direction(waypoints, nxt - 1 + LOOK_AHEAD)
    turn = _wrap(ahead - here)  # + = the track bends left

    # speed along the track
    heading_error = _wrap(math.radians(params["heading"]) - here)
    along = max(0.0, params["speed"] * math.cos(heading_error)) / MAX_SPEED

    # the line: towards the inside of the bend ahead, on the centre on straights
    half_width = 0.5 * params["track_width"]
    target = max(-1.0, min(1.0, turn / TURN_FULL)) * INSIDE * half_width
    signed = params["distance_from_center"] * (1.0 if params["is_left_of_center"] else -1.0)
    line = max(0.0, 1.0 - abs(signed - target) / half_width)

    reward = along * along * (0.3 + 0.7 * line)
    if params["progress"] >= 100.0:
        reward += 100.0 / max(1, params["steps"]) * 10.0
    return float(max(reward, 1e-3))
