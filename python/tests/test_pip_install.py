"""`pip install --no-build-isolation --no-index ./python` into a fresh venv
(with the system's site packages), reusing the CMake build directory
(DYAD_CMAKE_BUILD_DIR, set by ctest) so nothing is compiled again; then the
installed module, run from outside the repository, codes a sentence with the
data and gazetteer bundled in the package."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

import support

CHECK = r"""
import json, os, sys
import dyad
here = os.path.dirname(dyad.__file__)
assert here.startswith(sys.prefix), (here, sys.prefix)
assert os.path.isdir(os.path.join(here, "data", "actors")), "data/ not bundled"
assert os.path.getsize(os.path.join(here, "gazetteer.bin")) > 0, "gazetteer.bin not bundled"
assert dyad._default(None, "DYAD_DATA", dyad._BUNDLED_DATA) == dyad._BUNDLED_DATA
coder = dyad.Coder()
events = coder.code("Armenian forces shelled the Azerbaijani city of Ganja on Sunday.", date="2020-10-12", id="t")
print(json.dumps(events))
"""


class PipInstallTest(unittest.TestCase):
    def test_install_into_venv_and_code(self):
        python = os.environ.get("DYAD_TEST_PYTHON") or sys.executable
        build_dir = os.environ.get("DYAD_CMAKE_BUILD_DIR")
        self.assertTrue(build_dir and os.path.exists(os.path.join(build_dir, "CMakeCache.txt")),
                        "DYAD_CMAKE_BUILD_DIR must name the CMake build directory")
        with tempfile.TemporaryDirectory() as tmp:
            venv = os.path.join(tmp, "venv")
            subprocess.run([python, "-m", "venv", "--system-site-packages", venv], check=True)
            vpython = os.path.join(venv, "bin", "python")
            env = dict(os.environ)
            for k in ("PYTHONPATH", "DYAD_DATA", "DYAD_GAZETTEER", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"):
                env.pop(k, None)
            env["DYAD_SETUP_BUILD_BASE"] = os.path.join(tmp, "setup-build")  # keeps python/ clean
            env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
            install = subprocess.run(
                [vpython, "-m", "pip", "install", "--no-build-isolation", "--no-index", "--quiet",
                 os.path.join(support.SOURCE_DIR, "python")],
                cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
            self.assertEqual(install.returncode, 0, install.stdout.decode(errors="replace"))

            outside = os.path.join(tmp, "elsewhere")
            os.makedirs(outside)
            run = subprocess.run([vpython, "-c", CHECK], cwd=outside, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, check=False)
            self.assertEqual(run.returncode, 0, run.stderr.decode(errors="replace"))
            events = json.loads(run.stdout)
            self.assertEqual(len(events), 1, events)
            e = events[0]
            self.assertEqual((e["doc_id"], e["source"]["code"], e["target"]["country"]), ("t", "ARMMIL", "AZE"))
            self.assertEqual(e["location"]["name"], "Ganja")
            self.assertEqual(e["date"], "2020-10-11")


if __name__ == "__main__":
    unittest.main()
