// One run of a sweep, as an array task of a cluster job runs it (see lib/QuickDraw/Experiments/Slurm/BatchScript.cs):
// the same library call as a local sweep's run, into the same run folder, resuming from its checkpoint.
using QuickDraw.Common;
using QuickDraw.Experiments.Slurm;

var cli = new CommandLine("QuickDraw.SweepTask --sweep DIR --run NAME --root DIR --data DIR [options]",
        "Trains one run of a sweep into <sweep>/<run>/ (the spec is <sweep>/sweep.json, copied there when the sweep was\n" +
        "submitted), resuming from the run's checkpoint when it has one; a finished run is left alone. SIGTERM (scancel,\n" +
        "preemption, the batch script near the time limit) stops after the current step with a checkpoint: exit 143.\n" +
        "Exit codes: 0 done, 143 stopped with a checkpoint, 1 failed, 2 bad command line.")
    .Option("sweep", "the sweep folder (experiments/<sweep>)", null, "DIR")
    .Option("run", "the run's folder name in the sweep", null, "NAME")
    .Option("root", "the repository root (relative data paths in the spec start there)", null, "DIR")
    .Option("data", "the data folder (generated and converted shards live in <data>/shards)", null, "DIR")
    .Option("sample", "the shared real sample (../shared/quickdraw), for specs that use it", null, "DIR")
    .Option("threads", "torch threads when the spec leaves threads at 0 (the batch script passes the task's CPUs)", "0", "N");

return cli.Run(args, (a, cancel) => SweepTask.Main(
    new SweepTaskArgs(a.Require("sweep"), a.Require("run"), a.Require("root"), a.Require("data"), a.Get("sample"), a.Int("threads")), cancel));
