"""The one place that knows about caches, worker pools, forks, time budgets, file stamps and
timings. It wraps the plain functions of `extract`, `corpus` and `export` into a build of a
whole folder that is incremental, parallel and bounded in time and memory.

    pipeline    build(): the whole folder, or nothing when it is up to date (uptodate)
    extraction  every document extracted (budget: a time limit each), codes learned
    outputs     every output file written from the extracted records
    cache, stamps, memo, packed, background, timings: what the stages above stand on
"""

from policygraph.build.budget import DEFAULT_BUDGET
from policygraph.build.extraction import BuildResult, extract_all
from policygraph.build.outputs import ValidationError, write_outputs
from policygraph.build.pipeline import Outputs, build, build_settings
from policygraph.build.timings import Timings

__all__ = ["DEFAULT_BUDGET", "BuildResult", "Outputs", "Timings", "ValidationError", "build",
           "build_settings", "extract_all", "write_outputs"]
