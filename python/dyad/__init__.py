"""dyad: political event coding (who did what to whom, when and where).

The coder itself is C++ (the ``dyad._dyad`` extension); this package adds
defaults and conveniences. See docs/scale.md.

    >>> import dyad
    >>> coder = dyad.Coder()
    >>> events = coder.code("Russia condemned Ukraine on Monday.", date="2023-03-23")
    >>> events[0]["cameo"], events[0]["source"]["code"], events[0]["date"]
    ('111', 'RUSGOV', '2023-03-20')

Events are dicts with exactly the fields of ``dyad code``'s JSON Lines output
(docs/output.md).
"""

import os
import threading

from . import _dyad

__all__ = [
    "Coder",
    "shared_coder",
    "write_manifest",
    "partition_file_name",
    "read_events",
    "__version__",
]

__version__ = _dyad.__version__

_HERE = os.path.dirname(os.path.abspath(__file__))
# Bundled by `pip install ./python` (setup.py); absent in a CMake build tree,
# where the library's compiled-in defaults (the source tree's data/ and the
# build's gazetteer.bin) apply.
_BUNDLED_DATA = os.path.join(_HERE, "data")
_BUNDLED_GAZETTEER = os.path.join(_HERE, "gazetteer.bin")


def _default(explicit, env, bundled):
    """An explicit path wins, then the environment variable (read by the
    library when given ""), then the file bundled in the package, then the
    library's compiled-in default (also "")."""
    if explicit is not None:
        return os.fspath(explicit)
    if os.environ.get(env):
        return ""
    if os.path.exists(bundled):
        return bundled
    return ""


def _dict_dirs(dicts):
    if dicts is None:
        return ()
    if isinstance(dicts, (str, bytes, os.PathLike)):
        dicts = [dicts]
    dirs = tuple(os.fspath(d) for d in dicts)
    for d in dirs:
        if not os.path.isdir(d):
            raise ValueError(f"{d}: not a dictionary directory")
    return dirs


class Coder:
    """Everything dyad knows (lexicon, dictionaries, CAMEO table, gazetteer),
    loaded once. Immutable, and safe to share between threads.

    ``dicts``: dictionary directories layered over the defaults (each with
    ``actors/``, ``events/``, ``places/``; docs/dictionaries.md).
    ``data_dir``, ``gazetteer``, ``wordnet_dir``: default to ``$DYAD_DATA``,
    ``$DYAD_GAZETTEER``, ``$DYAD_WORDNET``, then to the files installed with
    the package, then to the library's built-in paths.

    Raises ValueError listing every dictionary error (``file:line: message``).
    A Coder pickles as its options: unpickling gives the process' shared
    coder for them (``shared_coder``), so one is loaded per worker process.
    """

    __slots__ = ("_impl", "_options")

    def __init__(self, dicts=None, data_dir=None, gazetteer=None, wordnet_dir=None):
        dirs = _dict_dirs(dicts)
        impl = _dyad.Coder(
            _default(data_dir, "DYAD_DATA", _BUNDLED_DATA),
            list(dirs),
            _default(gazetteer, "DYAD_GAZETTEER", _BUNDLED_GAZETTEER),
            "" if wordnet_dir is None else os.fspath(wordnet_dir),
        )
        options = (
            dirs,
            None if data_dir is None else os.fspath(data_dir),
            None if gazetteer is None else os.fspath(gazetteer),
            None if wordnet_dir is None else os.fspath(wordnet_dir),
        )
        object.__setattr__(self, "_impl", impl)
        object.__setattr__(self, "_options", options)

    def __setattr__(self, name, value):
        raise AttributeError("dyad.Coder is immutable")

    def __delattr__(self, name):
        raise AttributeError("dyad.Coder is immutable")

    def __reduce__(self):
        return (_shared_coder_for, (self._options,))

    def __repr__(self):
        dirs, data_dir, gazetteer, wordnet_dir = self._options
        args = [f"dicts={list(dirs)!r}"] if dirs else []
        args += [f"{k}={v!r}" for k, v in (("data_dir", data_dir), ("gazetteer", gazetteer),
                                            ("wordnet_dir", wordnet_dir)) if v is not None]
        return f"dyad.Coder({', '.join(args)})"

    @property
    def options(self):
        """The arguments the coder was made with, as a dict."""
        dirs, data_dir, gazetteer, wordnet_dir = self._options
        return {"dicts": list(dirs), "data_dir": data_dir, "gazetteer": gazetteer, "wordnet_dir": wordnet_dir}

    def code(self, text, date=None, id=None, title=None, source=None, url=None):
        """Codes one report. ``date``: the report date, "YYYY-MM-DD" (or a
        datetime.date); events are dated against it. Returns a list of event
        dicts (docs/output.md). ValueError for a bad date. Reports without an
        id are "report"."""
        return self._impl.code(text, date, id, title, source, url)

    def code_batch(self, reports, threads=1):
        """Codes many reports: dicts {id, date, text, title?, source?, url?}
        or strs (the text; id "report-N", N counted from 1). Coding runs on
        ``threads`` threads with the GIL released. Returns one list of events
        per report, in input order (the same as code() on each)."""
        return self._impl.code_batch(reports, threads)

    def write_partition(self, reports, dir, index, format="jsonl", compression="zstd", threads=1):
        """Codes ``reports`` and writes their events as partition file
        ``index`` of ``dir`` ("part-00007.jsonl.zst"; format "jsonl" or "csv",
        compression "zstd" or None), exactly as ``dyad code --out-dir`` does.
        Returns the manifest entry {path, records, bytes}; the GIL is
        released while coding and writing. OSError if the file cannot be
        written."""
        return self._impl.write_partition(reports, os.fspath(dir), index, format, compression, threads)


_shared = {}
_shared_lock = threading.Lock()


def _shared_coder_for(options):
    with _shared_lock:
        coder = _shared.get(options)
        if coder is None:
            dirs, data_dir, gazetteer, wordnet_dir = options
            coder = Coder(dirs, data_dir, gazetteer, wordnet_dir)
            _shared[options] = coder
        return coder


def shared_coder(dicts=None, data_dir=None, gazetteer=None, wordnet_dir=None):
    """The Coder for these options, loaded once per process and then reused
    (what cluster workers should call in each task)."""
    options = (
        _dict_dirs(dicts),
        None if data_dir is None else os.fspath(data_dir),
        None if gazetteer is None else os.fspath(gazetteer),
        None if wordnet_dir is None else os.fspath(wordnet_dir),
    )
    return _shared_coder_for(options)


def write_manifest(dir, files, format="jsonl", compression="zstd"):
    """Writes ``dir``/manifest.json (atomically) listing ``files``, the
    {path, records, bytes} entries of write_partition, in order."""
    _dyad.write_manifest(os.fspath(dir), list(files), format, compression)


def partition_file_name(index, format="jsonl", compression="zstd"):
    """The file name of partition ``index``: "part-00007.jsonl.zst"."""
    return _dyad.partition_file_name(index, format, compression)


def read_events(out_dir):
    """Reads back the files listed in ``out_dir``/manifest.json, in order:
    a list of event dicts (JSON Lines) or of row dicts of strings (CSV)."""
    from .partitions import read_events as _read_events

    return _read_events(out_dir)
