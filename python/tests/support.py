"""What the Python tests share: where the repository and the dyad binary are
(DYAD_SOURCE_DIR and DYAD_BINARY, set by ctest), the sample corpus, and
running `dyad code` for the reference output."""

import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("DYAD_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
BINARY = os.environ.get("DYAD_BINARY") or os.path.join(SOURCE_DIR, "build", "dyad")
CORPUS = os.path.join(SOURCE_DIR, "examples", "corpus.jsonl")


def corpus_reports(limit=None):
    """The records of examples/corpus.jsonl, as dicts."""
    reports = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                reports.append(json.loads(line))
    return reports[:limit] if limit is not None else reports


def cli_output(path):
    """`dyad code -q path`: its standard output (bytes); the exit status must be 0."""
    run = subprocess.run([BINARY, "code", "-q", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if run.returncode != 0:
        raise AssertionError(f"dyad code {path} exited {run.returncode}: {run.stderr.decode(errors='replace')}")
    return run.stdout


def cli_events(path):
    """The events `dyad code` writes for `path`, parsed."""
    return [json.loads(line) for line in cli_output(path).decode("utf-8").splitlines() if line.strip()]


def cli_events_of(reports):
    """The events `dyad code` writes for `reports` (written to a temporary .jsonl file)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "reports.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in reports:
                f.write(json.dumps(r) + "\n")
        return cli_events(path)
