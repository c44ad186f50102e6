#!/usr/bin/env python3
"""Converts every route of the AWS DeepRacer simulator (deepracer-simapp, bundle/routes/*.npy) into Racer's track
format (racer-track/1), gzipped, as tracks/src/main/resources/tracks/ID.json.gz, and writes the index. Names come from DeepRacer on
AWS's track list (source/libs/config/src/data/tracks.json); the few routes that list does not name get the
descriptive names in EXTRA_NAMES.

Run from the repository root, with the two repositories checked out (numpy needed only here, never at runtime):
  python3 tracks/scripts/convert_simapp.py SIMAPP_CHECKOUT DROA_CHECKOUT
The output is committed; this script documents how it was made. Waypoint values are written with Python's
shortest round-trip repr, so Java reads back the exact float64 values of the .npy files.

Every route file becomes a track of its own id (DeepRacer's WORLD_NAME): DeepRacer's console turns "track X,
clockwise" into the world X_cw, a route file of its own (resampled, with its own start row and waypoint numbers),
so X_cw is not X driven reversed. Open routes (last row not repeating the first: Straight_track) are skipped:
Racer races closed loops only."""
import gzip, io, json, os, subprocess, sys
import numpy as np

simapp, droa = sys.argv[1], sys.argv[2]
dst = "tracks/src/main/resources/tracks"
routes = os.path.join(simapp, "bundle/routes")
commit = subprocess.check_output(["git", "-C", simapp, "rev-parse", "HEAD"], text=True).strip()
droa_commit = subprocess.check_output(["git", "-C", droa, "rev-parse", "HEAD"], text=True).strip()
droa_tracks = json.load(open(os.path.join(droa, "source/libs/config/src/data/tracks.json")))["tracks"]
NAMES = {t["trackId"]: t["name"] for t in droa_tracks}
# routes DeepRacer on AWS does not list: named after the track they vary, or after what they are
EXTRA_NAMES = {
    "2022_summit_speedway_mini": "RL Speedway (mini)",
    "AWS_track": "AWS Track",
    "Singapore_f1": "Asia Pacific Bay Loop (F1)",
    "Spain_track_f1": "Circuit de Barcelona-Catalunya (F1)",
    "reInvent2019_wide_mirrored": "A to Z Speedway (mirrored)",
    "reinvent_carpet": "re:Invent 2018 (carpet)",
    "reinvent_concrete": "re:Invent 2018 (concrete)",
    "reinvent_wood": "re:Invent 2018 (wood)",
    "Straight_track": "Straight Track",
}
SUFFIX = {"_ccw": "counterclockwise", "_cw": "clockwise"}


def name_of(route):
    for suffix, word in SUFFIX.items():
        if route.endswith(suffix):
            base = route[: -len(suffix)]
            return "%s (%s)" % (NAMES.get(base) or EXTRA_NAMES[base], word), base
    return NAMES.get(route) or EXTRA_NAMES[route], None


os.makedirs(dst, exist_ok=True)
for old in os.listdir(dst):
    os.remove(os.path.join(dst, old))
ids, skipped = [], []
for file in sorted(os.listdir(routes), key=str.lower):
    route = file[:-4]
    w = np.load(os.path.join(routes, file))
    assert w.ndim == 2 and w.shape[1] == 6 and w.dtype == np.float64, (file, w.shape, w.dtype)
    if not np.all(w[0] == w[-1]):
        skipped.append(route)
        continue
    x, y = w[:, 0], w[:, 1]
    area = 0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])
    name, variant_of = name_of(route)
    attribution = ("AWS DeepRacer simulator route bundle/routes/%s from aws-deepracer-community/deepracer-simapp at "
                   "commit %s; Copyright Amazon.com, Inc. or its affiliates. Licensed under the Apache License, "
                   "Version 2.0; converted to Racer's format.") % (file, commit)
    out = [("format", "racer-track/1"), ("id", route), ("name", name),
           ("direction", "counterclockwise" if area > 0 else "clockwise"), ("loop", True)]
    if variant_of:
        out.append(("variant_of", variant_of))
    out.append(("attribution", attribution))
    f = io.StringIO()
    if True:
        f.write("{\n")
        for k, v in out:
            f.write("  %s: %s,\n" % (json.dumps(k), json.dumps(v)))
        f.write('  "waypoints": [\n')
        f.write(",\n".join("    [" + ", ".join(repr(float(v)) for v in row) + "]" for row in w) + "\n  ]\n}\n")
    # gzip (mtime 0: the same input gives the same bytes): 3.2 MB of JSON become 1.3 MB in the checkout
    with open(os.path.join(dst, route + ".json.gz"), "wb") as out_file:
        out_file.write(gzip.compress(f.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    ids.append(route)
with open(os.path.join(dst, "index.json"), "w") as f:
    json.dump({"source": "aws-deepracer-community/deepracer-simapp bundle/routes at commit " + commit,
               "names": "aws-solutions/deepracer-on-aws source/libs/config/src/data/tracks.json at commit "
                        + droa_commit,
               "skipped_open_routes": skipped, "tracks": ids}, f, indent=2)
    f.write("\n")
print("converted", len(ids), "tracks; skipped open routes:", " ".join(skipped))
