"""Pass the boxes in the other lane (object avoidance).

Teaches: the object params of DeepRacer's OBJECT_AVOIDANCE races. closest_objects gives the indices of the
objects just behind and just ahead of the car along the track; objects_location and objects_left_of_center say
where they are and on which side of the centre line. The reward asks for a target position across the track:
the centre line while the next box is far, the middle of the other lane (a quarter of the track width from
the centre, on the side away from the box) once it is within LOOK_AHEAD metres, and it keeps asking for that
until the box just passed is CLEAR metres behind, so the car does not swing back into it. The reward is a
smooth bump around that target, so the car learns to change lane early and gently instead of at the last
moment. On a track without objects the lists are empty and this is a centre-line reward.
"""

import math

LOOK_AHEAD = 1.5  # metres to the next box at which the lane change should be done
CLEAR = 0.5       # metres behind the car a passed box still counts


def reward_function(params):
    if params["is_crashed"] or not params["all_wheels_on_track"]:
        return 1e-3

    half_width = 0.5 * params["track_width"]
    # signed offset of the car from the centre line: + left, - right
    offset = params["distance_from_center"] if params["is_left_of_center"] else -params["distance_from_center"]

    target = 0.0
    locations = params["objects_location"]
    if locations:
        x, y = params["x"], params["y"]
        prev_obj, next_obj = params["closest_objects"]
        for index, reach in ((next_obj, LOOK_AHEAD), (prev_obj, CLEAR)):
            ox, oy = locations[index]
            if math.hypot(ox - x, oy - y) < reach:
                # the middle of the lane the box is not in
                side = -1.0 if params["objects_left_of_center"][index] else 1.0
                target = side * 0.5 * half_width
                break

    # 1 on the target, about 0.37 a third of the half width away, small near the borders
    spread = half_width / 3
    reward = math.exp(-((offset - target) / spread) ** 2)

    # a little for speed, so that the careful line is also a quick one
    reward *= 0.8 + 0.2 * min(params["speed"] / 4.0, 1.0)
    return float(max(reward, 1e-3))
