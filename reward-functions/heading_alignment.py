"""Point the car along the track: waypoints and heading.

Teaches: using waypoints and closest_waypoints to know where the track goes, and comparing that direction
with the car's heading (both in degrees, so the difference must be wrapped into -180..180). A car that points
where the track goes drives straighter and faster than one that only hugs the centre line.
"""

import math

DIRECTION_THRESHOLD = 10.0  # degrees of misalignment allowed for free


def reward_function(params):
    if not params["all_wheels_on_track"]:
        return 1e-3

    waypoints = params["waypoints"]
    prev_wp, next_wp = params["closest_waypoints"]
    x0, y0 = waypoints[prev_wp]
    x1, y1 = waypoints[next_wp]
    track_direction = math.degrees(math.atan2(y1 - y0, x1 - x0))

    diff = abs(track_direction - params["heading"])
    if diff > 180.0:
        diff = 360.0 - diff

    reward = 1.0
    if diff > DIRECTION_THRESHOLD:
        # linearly less, down to 0.1 at 60 degrees off and beyond
        reward = max(1.0 - 0.9 * (diff - DIRECTION_THRESHOLD) / 50.0, 0.1)

    half_width = 0.5 * params["track_width"]
    reward *= 1.0 - 0.5 * min(params["distance_from_center"] / half_width, 1.0)
    return float(reward)
