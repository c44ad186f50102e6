# Racer's host for DeepRacer reward functions. The same file runs inside GraalPy (embedded, sandboxed) and in
# the user's CPython (as a child process speaking the line protocol in _serve below).
#
# It loads a reward file as its own module, checks that reward_function(params) exists and takes one
# argument, builds DeepRacer's params dict for each call and does what DeepRacer does with the result:
# float(reward_function(params)), rejecting NaN, infinity and values outside [-1e5, 1e5].
#
# Errors come back as "KIND\tmessage" strings (the call itself returns NaN), so the hot path never raises
# across the language boundary. Kinds: SYNTAX, EXCEPTION, MISSING_FUNCTION, SIGNATURE, NOT_A_NUMBER, BAD_VALUE.

import builtins as _builtins
import math as _math

_fn = None            # the user's reward_function
_filename = "<reward>"
_lines = []           # the reward file's lines, for messages
_waypoints = []       # centre-line [x, y] list of the current track, shared by every call
_track_length = 0.0
_reversed = False
_error = [None]       # the last error, "KIND\tmessage"
_backend = "graalpy"  # "cpython" when run as a child process

_KEYS = ("all_wheels_on_track", "x", "y", "heading", "distance_from_center", "is_left_of_center",
         "is_offtrack", "is_reversed", "is_crashed", "progress", "speed", "steering_angle", "steps",
         "track_width", "track_length", "waypoints", "closest_waypoints", "projection_distance", "sim_time",
         "closest_objects", "objects_location", "objects_left_of_center", "object_in_camera", "objects_speed",
         "objects_heading", "objects_distance_from_center", "objects_distance")


def _frames(tb):
    import traceback
    frames = traceback.extract_tb(tb)
    user = [f for f in frames if f.filename == _filename]
    return user if user else list(frames[-1:])


def _describe(e, stage):
    """One readable paragraph: file, line, function, the Python message, the source line."""
    name = type(e).__name__
    text = str(e)
    if isinstance(e, KeyError) and e.args and isinstance(e.args[0], str) and e.args[0] not in _KEYS:
        import difflib
        close = difflib.get_close_matches(e.args[0], _KEYS, n=1)
        if close:
            text = "params has no key %r (did you mean %r?)" % (e.args[0], close[0])
    if isinstance(e, ModuleNotFoundError) and getattr(e, "name", None):
        if _backend == "graalpy":
            text += " (the graalpy backend has only the pure-Python standard library"
            text += "; numpy, scipy and shapely need --backend cpython)" if e.name.split(".")[0] in (
                "numpy", "scipy", "shapely") else ")"
        else:
            import sys
            text += " (install it for %s, e.g. pip install %s, or apt-get install python3-%s)" % (
                sys.executable, e.name.split(".")[0], e.name.split(".")[0])
    frames = _frames(e.__traceback__)
    if not frames:
        return "%s %s: %s: %s" % (_filename, stage, name, text)
    last = frames[-1]
    msg = "%s, line %d, in %s: %s: %s" % (last.filename, last.lineno, last.name, name, text)
    line = last.line
    if not line and last.filename == _filename and 0 < last.lineno <= len(_lines):
        line = _lines[last.lineno - 1]  # the sandbox cannot read the file back for linecache
    if line:
        msg += "\n    " + line.strip()
    for f in reversed(frames[:-1]):
        msg += "\n  called from line %d, in %s" % (f.lineno, f.name)
    return msg


def load(source, filename):
    """Compiles and runs the reward file; returns None, or "KIND\\tmessage"."""
    global _fn, _filename, _lines
    _fn = None
    _filename = filename
    _lines = source.splitlines()
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as e:
        where = "%s, line %s" % (e.filename or filename, e.lineno)
        if e.offset:
            where += ", column %d" % e.offset
        msg = "%s: %s: %s" % (where, type(e).__name__, e.msg)
        if e.text:
            line = e.text.rstrip("\n")
            stripped = line.lstrip()
            msg += "\n    " + stripped
            if e.offset:
                msg += "\n    " + " " * max(0, e.offset - 1 - (len(line) - len(stripped))) + "^"
        return "SYNTAX\t" + msg
    stem = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if stem.endswith(".py"):
        stem = stem[:-3]
    module = {"__name__": stem, "__file__": filename, "__builtins__": _builtins}
    try:
        exec(code, module)
    except BaseException as e:  # noqa: B036 - SystemExit at import is the user's error too
        return "EXCEPTION\t" + _describe(e, "at import")
    fn = module.get("reward_function")
    if fn is None:
        funcs = sorted(k for k, v in module.items() if callable(v) and getattr(v, "__module__", None) == stem
                       and not k.startswith("_"))
        msg = "%s defines no reward_function(params): Racer, like DeepRacer, calls a function with that name" % filename
        if funcs:
            msg += "; it defines %s" % ", ".join(f + "()" for f in funcs)
        return "MISSING_FUNCTION\t" + msg
    if not callable(fn):
        return "MISSING_FUNCTION\t%s: reward_function is a %s, not a function" % (filename, type(fn).__name__)
    import inspect
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        sig = None
    if sig is not None:
        try:
            sig.bind({})
        except TypeError:
            line = ""
            code_obj = getattr(fn, "__code__", None)
            if code_obj is not None:
                line = ", line %d" % code_obj.co_firstlineno
            return ("SIGNATURE\t%s%s: reward_function must take exactly one argument, the params dict: "
                    "def reward_function(params); it is defined as reward_function%s" % (filename, line, sig))
    _fn = fn
    return None


def set_track(track_length, waypoints_json, is_reversed):
    global _waypoints, _track_length, _reversed
    _track_length = track_length
    # "[[x,y],[x,y],...]": split by hand, as importing json would cost GraalPy about a second at every start
    nums = waypoints_json.replace("[", " ").replace("]", " ").replace(",", " ").split()
    _waypoints = [[float(nums[i]), float(nums[i + 1])] for i in range(0, len(nums) - 1, 2)]
    _reversed = is_reversed


_objects = ([], [], [], [], [], [])  # location, left_of_center, speed, heading, distance_from_center, distance


def set_objects(flat):
    """The objects' static entries, sent again whenever they are placed again: 7 numbers per object
    (x y left speed heading distance_from_center distance), space separated; "" for none."""
    global _objects
    nums = flat.split()
    loc, left, speed, heading, dfc, dist = [], [], [], [], [], []
    for i in range(0, len(nums) - 6, 7):
        loc.append([float(nums[i]), float(nums[i + 1])])
        left.append(nums[i + 2] == "1")
        speed.append(float(nums[i + 3]))
        heading.append(float(nums[i + 4]))
        dfc.append(float(nums[i + 5]))
        dist.append(float(nums[i + 6]))
    _objects = (loc, left, speed, heading, dfc, dist)


def last_error():
    return _error[0]


def _fail(kind, msg):
    _error[0] = kind + "\t" + msg
    return _math.nan


def _bad_result(r):
    if r is None:
        return _fail("NOT_A_NUMBER", "%s: reward_function returned None: does every path end with "
                                     "return float(reward)?" % _filename)
    if isinstance(r, (str, bytes)) or not hasattr(r, "__float__"):
        return _fail("NOT_A_NUMBER", "%s: reward_function returned %s %r, not a number" % (
            _filename, type(r).__name__, r if len(repr(r)) < 60 else repr(r)[:57] + "..."))
    try:
        f = float(r)
    except BaseException as e:
        return _fail("NOT_A_NUMBER", "%s: float() of the returned %s failed: %s" % (_filename, type(r).__name__, e))
    if f != f or f in (_math.inf, -_math.inf):
        return _fail("BAD_VALUE", "%s: reward_function returned %s (DeepRacer stops training on NaN and "
                                  "infinite rewards)" % (_filename, f))
    if not -1e5 <= f <= 1e5:
        return _fail("BAD_VALUE", "%s: reward_function returned %s, outside DeepRacer's range [-1e5, 1e5]" % (
            _filename, f))
    return f


def call(x, y, heading, distance_from_center, all_wheels_on_track, is_left_of_center, is_offtrack,
         is_crashed, progress, speed, steering_angle, steps, track_width, prev_wp, next_wp, projection_distance,
         sim_time, prev_obj=0, next_obj=0, in_camera=False):
    loc, left, ospeed, oheading, dfc, dist = _objects
    params = {
        "all_wheels_on_track": all_wheels_on_track,
        "x": x,
        "y": y,
        "heading": heading,
        "distance_from_center": distance_from_center,
        "is_left_of_center": is_left_of_center,
        "is_offtrack": is_offtrack,
        "is_reversed": _reversed,
        "is_crashed": is_crashed,
        "progress": progress,
        "speed": speed,
        "steering_angle": steering_angle,
        "steps": steps,
        "track_width": track_width,
        "track_length": _track_length,
        "waypoints": _waypoints,
        "closest_waypoints": [prev_wp, next_wp],
        "projection_distance": projection_distance,
        "sim_time": sim_time,
        "closest_objects": [prev_obj, next_obj],
        "objects_location": [list(p) for p in loc],
        "objects_left_of_center": list(left),
        "object_in_camera": in_camera,
        "objects_speed": list(ospeed),
        "objects_heading": list(oheading),
        "objects_distance_from_center": list(dfc),
        "objects_distance": list(dist),
    }
    try:
        r = _fn(params)
    except BaseException as e:  # noqa: B036 - whatever the reward raises stops the step, as in DeepRacer
        return _fail("EXCEPTION", _describe(e, "in reward_function"))
    if type(r) is float and -1e5 <= r <= 1e5:
        return r
    return _bad_result(r)


# ------------------------------------------------------------------------------------------------------------
# CPython child process: a line protocol on stdin/stdout (user prints go to stderr).
#   L <n>\n + n bytes of JSON {"source", "filename"}          -> OK | E <json "KIND\tmessage">
#   T <n>\n + n bytes of JSON {"length", "waypoints", "reversed"} -> OK
#   O <n>\n + n bytes of set_objects' text                      -> OK
#   C <n>\n + n binary records (_RECORD, little-endian)         -> R <n>\n + n doubles | E <index> <json message>
#   Q\n                                                        -> exits

def _serve():
    import json as _json
    import os
    import struct as _struct
    import sys
    global _RECORD
    # x y heading distance_from_center | all_wheels left offtrack crashed | progress speed steering | steps |
    # track_width | prev next | projection_distance | sim_time | closest_objects | object_in_camera
    _RECORD = _struct.Struct("<4d4B3did2idd2iB")
    global _backend
    _backend = "cpython"
    # the protocol gets private copies of stdin/stdout; the reward's prints go to stderr, its input() sees EOF
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    inp = os.fdopen(os.dup(0), "rb")
    os.dup2(2, 1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdout = sys.stderr
    sys.stdin = open(os.devnull)

    def reply(s):
        out.write(s.encode("utf-8") + b"\n")

    while True:
        line = inp.readline()
        if not line or line.startswith(b"Q"):
            return
        op = line[:1]
        n = int(line[2:])
        if op == b"C":
            data = inp.read(n * _RECORD.size)
            results = []
            err = None
            i = 0
            for x, y, h, d, a, l, o, c, pr, sp, st, steps, w, pw, nw, pd, t, po, no, ic in _RECORD.iter_unpack(data):
                r = call(x, y, h, d, a == 1, l == 1, o == 1, c == 1, pr, sp, st, steps, w, pw, nw, pd, t,
                         po, no, ic == 1)
                if r != r:
                    err = "E %d %s" % (i, _json.dumps(_error[0]))
                    break
                results.append(r)
                i += 1
            if err is not None:
                reply(err)
            else:
                out.write(b"R %d\n" % n + _struct.pack("<%dd" % n, *results))
        elif op == b"O":
            set_objects(inp.read(n).decode("ascii"))
            reply("OK")
        else:
            body = _json.loads(inp.read(n).decode("utf-8"))
            if op == b"L":
                e = load(body["source"], body["filename"])
                reply("OK %s %s" % (sys.version.split()[0], sys.executable) if e is None else "E " + _json.dumps(e))
            elif op == b"T":
                set_track(body["length"], _json.dumps(body["waypoints"]), body["reversed"])
                reply("OK")
            else:
                reply("E " + _json.dumps("EXCEPTION\tprotocol error: " + line.decode("utf-8", "replace")))


if __name__ == "__main__":
    import sys as _sys
    if _sys.argv[1:] == ["--serve"]:  # only as the cpython backend's child process, never inside GraalPy
        _serve()
