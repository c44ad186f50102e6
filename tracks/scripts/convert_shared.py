#!/usr/bin/env python3
"""Converts the shared DeepRacer track data (../shared/tracks/*.json, from the simulator's .npy routes)
into Racer's track format under tracks/src/main/resources/tracks, and writes the index.

Run from the repository root:  python3 tracks/scripts/convert_shared.py ../shared/tracks
The output is committed; this script documents how it was made."""
import json, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/tracks"
dst = "tracks/src/main/resources/tracks"
os.makedirs(dst, exist_ok=True)
ids = []
for name in sorted(os.listdir(src)):
    if not name.endswith(".json"):
        continue
    d = json.load(open(os.path.join(src, name)))
    direction = {"counter-clockwise": "counterclockwise", "clockwise": "clockwise"}[d["centerline_direction"]]
    out = {
        "format": "racer-track/1",
        "id": d["id"],
        "name": d["name"],
        "direction": direction,
        "loop": bool(d["is_loop"]),
        "attribution": "AWS DeepRacer simulator route %s from %s at commit %s; %s. Licensed under the Apache "
                       "License, Version 2.0; converted to Racer's format." % (
                           d["source_path"], d["source_repo"], d["source_commit"],
                           "Copyright Amazon.com, Inc. or its affiliates"),
        "waypoints": d["waypoints"],
    }
    with open(os.path.join(dst, d["id"] + ".json"), "w") as f:
        f.write("{\n")
        for k in ["format", "id", "name", "direction", "loop", "attribution"]:
            f.write("  %s: %s,\n" % (json.dumps(k), json.dumps(out[k])))
        f.write('  "waypoints": [\n')
        rows = ["    [" + ", ".join(repr(float(v)) for v in row) + "]" for row in out["waypoints"]]
        f.write(",\n".join(rows) + "\n  ]\n}\n")
    ids.append(d["id"])
with open(os.path.join(dst, "index.json"), "w") as f:
    json.dump({"tracks": ids}, f, indent=2)
    f.write("\n")
print("converted", len(ids), "tracks:", " ".join(ids))
