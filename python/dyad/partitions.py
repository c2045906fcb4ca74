"""Reading partitioned output back: a directory of part-* files and the
manifest.json that lists them (written by ``dyad code --out-dir``,
``Coder.write_partition`` + ``write_manifest``, or ``dyad.dask``; format in
docs/scale.md). Standard library only, plus python3-zstandard for .zst files.
"""

import csv
import io
import json
import os

__all__ = ["read_manifest", "read_events", "open_partition"]


def read_manifest(out_dir):
    """The parsed ``out_dir``/manifest.json."""
    with open(os.path.join(os.fspath(out_dir), "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def open_partition(path):
    """A text stream over one partition file, decompressing .zst files."""
    raw = open(path, "rb")
    if not path.endswith(".zst"):
        return io.TextIOWrapper(raw, encoding="utf-8", newline="")
    try:
        import zstandard
    except ImportError as e:  # pragma: no cover - depends on the machine
        raw.close()
        raise ImportError("reading .zst partitions needs zstandard (Debian: python3-zstandard)") from e
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
    return io.TextIOWrapper(reader, encoding="utf-8", newline="")


def read_events(out_dir):
    """Every record of the files the manifest lists, in manifest order: event
    dicts for JSON Lines (exactly as ``dyad code`` writes them), row dicts of
    strings for CSV (empty string for null)."""
    out_dir = os.fspath(out_dir)
    manifest = read_manifest(out_dir)
    fmt = manifest.get("format", "jsonl")
    events = []
    for entry in manifest["files"]:
        with open_partition(os.path.join(out_dir, entry["path"])) as f:
            if fmt == "csv":
                events.extend(csv.DictReader(f))
            else:
                events.extend(json.loads(line) for line in f if line.strip())
    return events
