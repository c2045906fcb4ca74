"""dyad.Coder: the same events as `dyad code`, batches, threads, the GIL,
errors, and partition files (docs/scale.md)."""

import json
import os
import pickle
import tempfile
import threading
import time
import unittest

import dyad
import support


def code_one(coder, r):
    return coder.code(r["text"], date=r.get("date"), id=r.get("id"), title=r.get("title"),
                      source=r.get("source"), url=r.get("url"))


class CoderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.coder = dyad.Coder()
        cls.reports = support.corpus_reports()

    def test_module_is_the_one_under_test(self):
        # ctest puts <build>/python first; the module must be the compiled one next to __init__.py.
        self.assertTrue(os.path.exists(dyad._dyad.__file__))
        self.assertEqual(os.path.dirname(dyad._dyad.__file__), os.path.dirname(dyad.__file__))

    def test_code_equals_cli(self):
        reports = self.reports[:6]
        expected = support.cli_events_of(reports)
        self.assertGreater(len(expected), 10)
        got = [e for r in reports for e in code_one(self.coder, r)]
        self.assertEqual(len(got), len(expected))
        for g, e in zip(got, expected):
            self.assertEqual(g, e)
            self.assertEqual(list(g), list(e))  # the same fields, in the same order

    def test_code_fields_and_values(self):
        events = self.coder.code("Russian forces shelled Kharkiv on Saturday.", date="2024-03-15", id="x",
                                 source="Wire", url="https://example.org/x")
        self.assertEqual(len(events), 1)
        e = events[0]
        self.assertEqual(e["event_id"], "x-0-0")
        self.assertEqual(e["doc_id"], "x")
        self.assertEqual(e["date"], "2024-03-09")
        self.assertEqual(e["source"]["code"], "RUSMIL")
        self.assertEqual(e["target"]["country"], "UKR")
        self.assertEqual(e["location"]["name"], "Kharkiv")
        self.assertEqual(e["publisher"], "Wire")
        self.assertEqual(e["url"], "https://example.org/x")
        self.assertIsInstance(e["goldstein"], float)
        self.assertIsInstance(e["quad_class"], int)

    def test_code_batch_two_threads_equals_code_and_cli(self):
        batch = self.coder.code_batch(self.reports, threads=2)
        self.assertEqual(len(batch), len(self.reports))
        for r, events in zip(self.reports, batch):
            self.assertEqual(events, code_one(self.coder, r), r["id"])
        flat = [e for events in batch for e in events]
        self.assertEqual(flat, support.cli_events(support.CORPUS))
        self.assertEqual(self.coder.code_batch(self.reports, threads=1), batch)

    def test_code_batch_of_strings_and_missing_fields(self):
        text = "Armenia accused Azerbaijan of shelling Tavush."
        batch = self.coder.code_batch([text, {"text": text, "date": None, "id": 7}])
        self.assertEqual(batch[0][0]["doc_id"], "report-1")
        self.assertEqual(batch[1][0]["doc_id"], "7")
        self.assertIsNone(batch[0][0]["date"])
        self.assertEqual(self.coder.code_batch([]), [])

    def test_date_objects(self):
        import datetime

        text = "Armenia accused Azerbaijan of shelling Tavush."
        self.assertEqual(self.coder.code(text, date=datetime.date(2022, 9, 13)),
                         self.coder.code(text, date="2022-09-13"))

    def test_gil_is_released_while_coding(self):
        # Sentences without events: coding dominates, converting inputs and results is cheap.
        filler = " ".join(f"Farmers in the {i}th district harvested wheat while teachers discussed the new "
                          "school year." for i in range(40))
        n = 500
        while True:  # a batch that takes at least 0.4 s to code, whatever the machine
            reports = [{"id": f"g{i}", "date": "2023-01-01", "text": filler} for i in range(n)]
            start = time.perf_counter()
            self.coder.code_batch(reports)
            duration = time.perf_counter() - start
            if duration >= 0.4 or n >= 100000:
                break
            n *= 2

        count = 0
        running = True

        def counter():
            nonlocal count
            while running:
                count += 1

        thread = threading.Thread(target=counter)
        thread.start()
        try:
            # How far the counter gets in an eighth of that time with the main thread asleep ...
            before = count
            time.sleep(duration / 8)
            asleep = count - before
            # ... and while the batch is coded: with the GIL held it would hardly move.
            before = count
            self.coder.code_batch(reports)
            coding = count - before
        finally:
            running = False
            thread.join()
        self.assertGreater(asleep, 0)
        self.assertGreater(coding, asleep, f"counter: {coding} while coding for {duration:.2f}s, "
                                           f"{asleep} during a {duration / 8:.2f}s sleep")

    def test_code_from_several_threads(self):
        reports = self.reports[:40]
        expected = [code_one(self.coder, r) for r in reports]
        results = [None] * 4
        errors = []

        def work(k):
            try:
                results[k] = [code_one(self.coder, r) for r in reports]
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for r in results:
            self.assertEqual(r, expected)

    def test_bad_date(self):
        with self.assertRaisesRegex(ValueError, "March 3"):
            self.coder.code("Armenia accused Azerbaijan.", date="March 3")
        with self.assertRaisesRegex(ValueError, r"report 1 \(id b\).*2023-13-45"):
            self.coder.code_batch([{"id": "a", "date": "2023-01-01", "text": "x"},
                                   {"id": "b", "date": "2023-13-45", "text": "x"}])

    def test_bad_report(self):
        with self.assertRaisesRegex(ValueError, "no \"text\""):
            self.coder.code_batch([{"id": "a", "date": "2023-01-01"}])
        with self.assertRaises(TypeError):
            self.coder.code_batch([42])
        with self.assertRaisesRegex(TypeError, "single dict"):
            self.coder.code_batch({"id": "a", "date": "2023-01-01", "text": "x"})
        with self.assertRaises(TypeError):
            self.coder.code("x", title=["not", "a", "string"])

    def test_bad_dictionary_names_file_and_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "actors"))
            bad = os.path.join(tmp, "actors", "bad.txt")
            with open(bad, "w", encoding="utf-8") as f:
                f.write("# a comment\ncountry ARM = Armenia\nthis line is not an entry\n"
                        "org IGO/UNO = United Nations\nneither is this one\n")
            with self.assertRaises(ValueError) as cm:
                dyad.Coder(dicts=[tmp])
            message = str(cm.exception)
            self.assertIn(bad + ":3:", message)
            self.assertIn(bad + ":5:", message)  # every error, not only the first
        with self.assertRaisesRegex(ValueError, "not a dictionary directory"):
            dyad.Coder(dicts="/nonexistent/dyad-dicts")

    def test_user_dictionary_is_used(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "actors"))
            with open(os.path.join(tmp, "actors", "mine.txt"), "w", encoding="utf-8") as f:
                f.write("org NGO/XYZ = Friends of the Valley\n")
            coder = dyad.Coder(dicts=tmp)
            events = coder.code("Friends of the Valley accused Azerbaijan of shelling Tavush.", date="2023-01-01")
            self.assertEqual(events[0]["source"]["code"], "NGOXYZ")

    def test_immutable_and_pickles_as_shared(self):
        with self.assertRaises(AttributeError):
            self.coder.extra = 1
        copy = pickle.loads(pickle.dumps(self.coder))
        self.assertIs(copy, dyad.shared_coder())
        self.assertIs(pickle.loads(pickle.dumps(copy)), copy)

    def test_write_partition_and_manifest(self):
        reports = self.reports[:20]
        expected_bytes = b""
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "r.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for r in reports:
                    f.write(json.dumps(r) + "\n")
            expected_bytes = support.cli_output(path)
        expected = [json.loads(line) for line in expected_bytes.decode().splitlines()]
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out")
            a = self.coder.write_partition(reports[:7], out, 0)
            b = self.coder.write_partition(reports[7:], out, 1, format="jsonl", compression="zstd")
            self.assertEqual(a["path"], "part-00000.jsonl.zst")
            self.assertEqual(b["path"], dyad.partition_file_name(1))
            self.assertEqual(a["records"] + b["records"], len(expected))
            self.assertEqual(a["bytes"], os.path.getsize(os.path.join(out, a["path"])))
            dyad.write_manifest(out, [a, b])
            with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
                manifest = json.load(f)
            self.assertEqual([x["path"] for x in manifest["files"]], [a["path"], b["path"]])
            self.assertEqual(manifest["records"], len(expected))
            self.assertEqual(dyad.read_events(out), expected)
            # Byte for byte what dyad code writes, once decompressed and concatenated.
            from dyad.partitions import open_partition

            raw = b""
            for x in manifest["files"]:
                with open_partition(os.path.join(out, x["path"])) as f:
                    raw += f.read().encode("utf-8")
            self.assertEqual(raw, expected_bytes)

            c = self.coder.write_partition(reports, out, 2, format="csv", compression=None)
            self.assertEqual(c["path"], "part-00002.csv")
            dyad.write_manifest(out, [c], format="csv", compression=None)
            rows = dyad.read_events(out)
            self.assertEqual(len(rows), len(expected))
            self.assertEqual([r["EventID"] for r in rows], [e["event_id"] for e in expected])
        with self.assertRaisesRegex(ValueError, "format"):
            self.coder.write_partition(reports, "/tmp", 0, format="xml")
        with self.assertRaises(OSError):
            self.coder.write_partition(reports, "/proc/dyad-cannot-write-here", 0)


if __name__ == "__main__":
    unittest.main()
