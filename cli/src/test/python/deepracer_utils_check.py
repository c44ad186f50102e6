"""Loads a Racer model folder with deepracer-utils (deepracer.logs), unchanged, and checks that
   - it is recognised as a DeepRacer-for-Cloud model folder (one worker);
   - the training and evaluation sim-traces load, and the analysis and plot functions of its examples and of the
     community's notebooks run on them;
   - the lap and episode times deepracer-utils computes equal Racer's to the step: the training episodes'
     against metrics/TrainingMetrics.json, the evaluation laps against the time-trial reports that
     `racer evaluate --json` wrote (Racer's own lap times) and metrics/EvaluationMetrics-*.json.

Usage: python3 deepracer_utils_check.py MODEL_DIR TRACK_JSON EVAL_REPORT.json... (oldest evaluation first)
deepracer-utils must be importable (PYTHONPATH). Prints one line per check; exits 1 on the first failure.
"""
import json
import math
import sys
import warnings

import matplotlib

matplotlib.use("Agg")  # plt.show() draws nothing: the plot code still runs in full
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from deepracer.logs import (  # noqa: E402
    ActionBreakdownUtils,
    AnalysisUtils,
    DeepRacerLog,
    EvaluationUtils,
    LogFolderType,
    NewRewardUtils,
    PlottingUtils,
    TrainingMetrics,
)
from deepracer.tracks import Track  # noqa: E402

DT = 1 / 15  # Racer's step [s]


def check(cond, what):
    if not cond:
        print("FAIL: " + what)
        sys.exit(1)
    print("ok: " + what)


def main(model, track_json, reports):
    warnings.simplefilter("ignore")
    with open(track_json) as f:
        t = json.load(f)
    track = Track(t["id"], np.array(t["waypoints"]))

    # training
    log = DeepRacerLog(model_folder=model)
    check(log.fh.type == LogFolderType.DRFC_MODEL_SINGLE_WORKERS,
          "recognised as a DRfC model folder (%s)" % log.fh.type.name)
    log.load_training_trace()
    df = log.dataframe()
    check(len(df) > 0 and df["iteration"].min() == 0, "training trace loads, iterations from 0")
    check(len(log.action_space()) > 0 and log.hyperparameters()["batch_size"] > 0,
          "model_metadata.json and hyperparameters.json found")
    agg = AnalysisUtils.simulation_agg(df)
    with open(model + "/metrics/TrainingMetrics.json") as f:
        tm = json.load(f)
    last_progress = df.groupby(["iteration", "episode"])["progress"].last()
    by_episode = {m["episode"]: m for m in tm["metrics"] if m["phase"] == "training"}
    for _, row in agg.iterrows():
        m = by_episode[row["episode"] + 1]  # the simapp counts episodes from 1 in its metrics
        steps = round(row["time"] / DT)
        if abs(row["time"] - steps * DT) > 1e-6 or round(row["time"] * 1000) != m["elapsed_time_in_milliseconds"]:
            check(False, "training episode %d: deepracer-utils %.4f s, Racer %d ms"
                  % (row["episode"], row["time"], m["elapsed_time_in_milliseconds"]))
        # the simapp's completion_percentage is the last step's progress; simulation_agg takes the highest
        final = last_progress[(row["iteration"], row["episode"])]
        if int(final) != m["completion_percentage"] or row["progress"] < final:
            check(False, "training episode %d: progress %s (last %s), Racer %d"
                  % (row["episode"], row["progress"], final, m["completion_percentage"]))
    check(True, "%d training episodes: times and progress equal Racer's to the step (%s laps complete)"
          % (len(agg), int(agg["complete"].sum())))
    check((agg["time"] > 0).all(), "no training episode shows 0 s or less")

    # the analysis and plot functions of the examples and notebooks
    AnalysisUtils.scatter_aggregates(agg, "training")
    AnalysisUtils.scatter_by_groups(agg, title="quintiles")
    AnalysisUtils.analyze_training_progress(agg, title="progress")
    last = df[df["iteration"] == df["iteration"].max()]
    PlottingUtils.plot_track(last, track)
    PlottingUtils.plot_trackpoints(track)
    PlottingUtils.plot_selected_laps(agg.nlargest(2, "progress"), df, track)
    names = ActionBreakdownUtils.determine_action_names(df)
    check(len(names) <= len(log.action_space()), "action names from the trace: %d" % len(names))
    ActionBreakdownUtils.action_breakdown(df, track, episode_ids=[int(agg["episode"].max())])
    params = NewRewardUtils.df_to_params(df.iloc[5], track.center_line)
    check(params["x"] == df.iloc[5]["x"] and params["speed"] == df.iloc[5]["speed"], "NewRewardUtils.df_to_params")
    log.stability.analyze()
    metrics = TrainingMetrics(None, fname=model + "/metrics/TrainingMetrics.json")
    summary = metrics.getSummary()
    check(len(summary) == df["iteration"].nunique(), "TrainingMetrics: %d iterations" % len(summary))
    metrics.plotProgress()
    plt.close("all")
    check(True, "training: simulation_agg, scatter_aggregates, scatter_by_groups, analyze_training_progress,"
          " plot_track, plot_trackpoints, plot_selected_laps, action_breakdown, stability, TrainingMetrics")

    # evaluation
    elog = DeepRacerLog(model_folder=model)
    elog.load_evaluation_trace()
    edf = elog.dataframe()
    streams = sorted(edf["stream"].unique())
    check(len(streams) == len(reports), "%d evaluation streams" % len(streams))
    eagg = AnalysisUtils.simulation_agg(edf, firstgroup="stream", is_eval=True)
    for stream, report in zip(streams, reports):
        with open(report) as f:
            laps = json.load(f)["result"]["laps"]
        with open("%s/metrics/EvaluationMetrics-%s.json" % (model, stream)) as f:
            em = json.load(f)["metrics"]
        rows = eagg[eagg["stream"] == stream].sort_values("episode")
        check(len(rows) == len(laps) == len(em), "stream %s: %d laps" % (stream, len(laps)))
        for (_, r), lap, m in zip(rows.iterrows(), laps, em):
            check(round(r["time"] * 1000) == lap["timeMs"] == m["elapsed_time_in_milliseconds"],
                  "stream %s lap %d: deepracer-utils %.3f s, Racer %.3f s (%s steps, %d off track)"
                  % (stream, lap["lap"], r["time"], lap["timeMs"] / 1000, lap["steps"], r["off_track"]))
            check(r["off_track"] == lap["offTracks"], "stream %s lap %d: off-tracks" % (stream, lap["lap"]))
        EvaluationUtils.analyse_single_evaluation(edf[edf["stream"] == stream], track)
        plt.close("all")
    # plot_evaluations indexes a grid of axes, which matplotlib does not make for a one-lap stream (a
    # deepracer-utils limitation that DRfC evaluations meet too): it is given the streams of two laps or more
    counts = edf.groupby("stream")["episode"].nunique()
    multi = edf[edf["stream"].isin(counts[counts >= 2].index)]
    check(len(multi) > 0, "an evaluation of two laps or more for plot_evaluations")
    PlottingUtils.plot_evaluations(multi, track)
    AnalysisUtils.scatter_aggregates(eagg, "evaluation", is_eval=True)
    ActionBreakdownUtils.action_breakdown(edf, track)
    plt.close("all")
    check(True, "evaluation: simulation_agg, analyse_single_evaluation, plot_evaluations, action_breakdown")
    print("deepracer-utils check passed")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
