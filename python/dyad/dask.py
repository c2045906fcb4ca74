"""Coding on a Dask cluster (docs/scale.md).

Each partition of a bag (or dataframe) of reports becomes one partition file
(``part-NNNNN.jsonl.zst``, ...) written by the worker that codes it, with the
same C++ writer as ``dyad code --out-dir``; the client then writes
``manifest.json`` listing the files in partition order. Every worker process
loads the coder once (``dyad.shared_coder``) and reuses it for all its tasks.

    from distributed import Client, LocalCluster
    import dask.bag as db, json
    import dyad.dask

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
        lines = db.read_text("reports/*.jsonl").map(json.loads)
        manifest = dyad.dask.code_bag(lines, "/shared/events")

``out_dir`` must be a directory every worker can write to (a shared file
system when the workers run on several machines).
"""

import os

import dask

from . import _dyad, shared_coder, write_manifest
from .partitions import read_events, read_manifest

__all__ = ["code_bag", "code_dataframe", "read_events", "read_manifest"]

_FIELDS = ("id", "date", "text", "title", "source", "url")


def _partition_reports(reports, index):
    """Reports without an id get "part-NNNNN-M" (partition, then the M-th
    report of it, from 1), so event ids stay unique across partitions."""
    out = []
    for n, r in enumerate(reports, 1):
        if isinstance(r, str):
            r = {"text": r}
        if r.get("id") is None:
            r = dict(r, id=f"part-{index:05d}-{n}")
        out.append(r)
    return out


def _code_partition(reports, out_dir, index, options, format, compression, threads):
    coder = shared_coder(**options)
    return coder.write_partition(_partition_reports(reports, index), out_dir, index, format, compression, threads)


def _frame_records(frame):
    """A pandas DataFrame's rows as report dicts; missing values become None."""
    if "text" not in frame.columns:
        raise ValueError("the dataframe needs a 'text' column (and id, date; optionally title, source, url)")
    cols = [c for c in _FIELDS if c in frame.columns]
    sub = frame[cols].astype(object)
    sub = sub.where(sub.notna(), None)
    return sub.to_dict("records")


def _code_frame_partition(frame, out_dir, index, options, format, compression, threads):
    return _code_partition(_frame_records(frame), out_dir, index, options, format, compression, threads)


def _prepare(out_dir, overwrite):
    """Creates ``out_dir``; refuses one that holds earlier output (a manifest
    or part-* files) unless ``overwrite``: the C++ rule of ``dyad code --out-dir``."""
    out_dir = os.path.abspath(os.fspath(out_dir))
    _dyad.prepare_output_directory(out_dir, overwrite)
    return out_dir


def _options(dicts, data_dir):
    if isinstance(dicts, (str, bytes, os.PathLike)):
        dicts = [dicts]
    return {
        "dicts": tuple(os.path.abspath(os.fspath(d)) for d in dicts) if dicts else None,
        "data_dir": None if data_dir is None else os.path.abspath(os.fspath(data_dir)),
    }


def _run(parts, fn, out_dir, dicts, format, compression, data_dir, overwrite, threads):
    out_dir = _prepare(out_dir, overwrite)
    options = _options(dicts, data_dir)
    tasks = [dask.delayed(fn, pure=False)(part, out_dir, i, options, format, compression, threads)
             for i, part in enumerate(parts)]
    files = list(dask.compute(*tasks)) if tasks else []
    write_manifest(out_dir, files, format, compression)
    return read_manifest(out_dir)


def code_bag(bag, out_dir, dicts=None, format="jsonl", compression="zstd", data_dir=None, overwrite=False,
             threads=1):
    """Codes a Dask bag of reports (dicts {id, date, text, title?, source?,
    url?}, or strs) into ``out_dir``: one file per partition, then the
    manifest. Runs on the current Dask scheduler (a distributed Client when
    one is active). Returns the manifest (a dict; its "files" list the
    partitions in order, each with its "records")."""
    return _run(bag.to_delayed(), _code_partition, out_dir, dicts, format, compression, data_dir, overwrite,
                threads)


def code_dataframe(df, out_dir, dicts=None, format="jsonl", compression="zstd", data_dir=None, overwrite=False,
                   threads=1):
    """The same for a Dask dataframe with columns id, date, text (and
    optionally title, source, url); dates may be strings or datetimes, and
    missing values (None, NaN, NaT) count as absent."""
    return _run(df.to_delayed(), _code_frame_partition, out_dir, dicts, format, compression, data_dir, overwrite,
                threads)
