"""dyad.dask on a local two-process Dask cluster: the sample corpus coded in
several partitions gives, read back, exactly the events of a single
`dyad code` run, in the same order, with the right manifest."""

import json
import os
import tempfile
import unittest

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

import dyad
import dyad.dask
import support


class DaskTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=40)
        cls.client = Client(cls.cluster)
        cls.reports = support.corpus_reports()
        cls.expected_bytes = support.cli_output(support.CORPUS)
        cls.expected = [json.loads(line) for line in cls.expected_bytes.decode("utf-8").splitlines()]
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        cls.tmp.cleanup()

    def check_output(self, out_dir, manifest, partitions, per_partition):
        self.assertEqual(len(manifest["files"]), partitions)
        self.assertEqual([f["path"] for f in manifest["files"]],
                         [dyad.partition_file_name(i) for i in range(partitions)])
        self.assertEqual([f["records"] for f in manifest["files"]], per_partition)
        self.assertEqual(manifest["records"], len(self.expected))
        for f in manifest["files"]:
            self.assertEqual(f["bytes"], os.path.getsize(os.path.join(out_dir, f["path"])))
        events = dyad.dask.read_events(out_dir)
        self.assertEqual(len(events), len(self.expected))
        for got, want in zip(events, self.expected):
            self.assertEqual(got, want)
        # Byte for byte what dyad code writes, once decompressed and concatenated.
        from dyad.partitions import open_partition

        raw = b""
        for f in manifest["files"]:
            with open_partition(os.path.join(out_dir, f["path"])) as part:
                raw += part.read().encode("utf-8")
        self.assertEqual(raw, self.expected_bytes)

    def expected_per_partition(self, parts):
        """Events per partition, from the single-process reference: report ids → events."""
        by_doc = {}
        for e in self.expected:
            by_doc[e["doc_id"]] = by_doc.get(e["doc_id"], 0) + 1
        return [sum(by_doc.get(r["id"], 0) for r in part) for part in parts]

    def test_code_bag(self):
        bag = db.from_sequence(self.reports, npartitions=5)
        self.assertGreaterEqual(bag.npartitions, 4)
        out = os.path.join(self.tmp.name, "bag")
        manifest = dyad.dask.code_bag(bag, out)
        parts = [p.compute() for p in bag.to_delayed()]
        self.check_output(out, manifest, bag.npartitions, self.expected_per_partition(parts))
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), manifest)
        # A second run into the same directory is refused, then replaces it with overwrite.
        with self.assertRaises(FileExistsError):
            dyad.dask.code_bag(bag, out)
        manifest = dyad.dask.code_bag(db.from_sequence(self.reports, npartitions=4), out, overwrite=True)
        self.assertEqual(len(manifest["files"]), 4)
        self.assertEqual(sorted(n for n in os.listdir(out) if n.startswith("part-")),
                         [dyad.partition_file_name(i) for i in range(4)])
        self.assertEqual(dyad.dask.read_events(out), self.expected)

    def test_code_dataframe(self):
        frame = pd.DataFrame(self.reports)
        frame["date"] = pd.to_datetime(frame["date"])  # dates as datetimes work as well as strings
        df = dd.from_pandas(frame, npartitions=4)
        self.assertGreaterEqual(df.npartitions, 4)
        out = os.path.join(self.tmp.name, "frame")
        manifest = dyad.dask.code_dataframe(df, out)
        parts = [p.to_dict("records") for p in (d.compute() for d in df.to_delayed())]
        self.check_output(out, manifest, df.npartitions, self.expected_per_partition(parts))

    def test_workers_load_the_coder_once(self):
        out = os.path.join(self.tmp.name, "once")
        dyad.dask.code_bag(db.from_sequence(self.reports, npartitions=8), out)

        def coders():
            import dyad as d

            return len(d._shared)

        counts = self.client.run(coders)  # coders loaded in each worker process
        self.assertEqual(len(counts), 2)
        self.assertEqual(max(counts.values()), 1, counts)

    def test_dictionary_errors_reach_the_client(self):
        bad = os.path.join(self.tmp.name, "bad-dicts")
        os.makedirs(os.path.join(bad, "actors"))
        with open(os.path.join(bad, "actors", "bad.txt"), "w", encoding="utf-8") as f:
            f.write("not an entry\n")
        with self.assertRaisesRegex(ValueError, "bad.txt:1:"):
            dyad.dask.code_bag(db.from_sequence(self.reports[:4], npartitions=2),
                               os.path.join(self.tmp.name, "bad-out"), dicts=[bad])


if __name__ == "__main__":
    unittest.main()
