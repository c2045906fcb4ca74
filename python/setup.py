"""Builds and packages dyad's Python module without a network (docs/scale.md):

    pip install --no-build-isolation ./python

build_ext runs CMake on the repository root (this directory's parent) and
builds the `_dyad` target; with DYAD_CMAKE_BUILD_DIR pointing to an existing
CMake build directory it reuses that one (`make python` does, so nothing is
compiled twice). The package bundles data/ and the compiled gazetteer.bin, so
an installed module works from any directory.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))


def source_dir():
    src = os.path.abspath(os.environ.get("DYAD_SOURCE_DIR") or os.path.dirname(HERE))
    if not os.path.exists(os.path.join(src, "src", "dyad", "pipeline", "coder.h")):
        raise RuntimeError(f"{src} is not the dyad repository (set DYAD_SOURCE_DIR)")
    return src


def version():
    with open(os.path.join(source_dir(), "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(\s*dyad\s+VERSION\s+([0-9.]+)", f.read())
    return m.group(1) if m else "0.0.0"


def cache_value(build_dir, name):
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


class CMakeBuild(build_ext):
    """Builds dyad._dyad with the project's CMake build, then bundles the data."""

    def build_extension(self, ext):
        src = source_dir()
        build_dir = os.environ.get("DYAD_CMAKE_BUILD_DIR")
        if build_dir and not os.path.isabs(build_dir):
            # pip runs this in python/: a relative path is taken from the repository root
            # when that is where the build is.
            in_src = os.path.join(src, build_dir)
            if os.path.exists(os.path.join(in_src, "CMakeCache.txt")):
                build_dir = in_src
        if build_dir and os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
            build_dir = os.path.abspath(build_dir)
            if cache_value(build_dir, "DYAD_PYTHON") not in ("ON", "TRUE", "1", "YES"):
                raise RuntimeError(f"{build_dir} was configured without DYAD_PYTHON; "
                                   "reconfigure it with -DDYAD_PYTHON=ON (needs pybind11-dev, python3-dev)")
        else:
            build_dir = os.path.abspath(build_dir or os.path.join(self.build_temp, "cmake"))
            self.spawn(["cmake", "-S", src, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release", "-DDYAD_PYTHON=ON",
                        "-DDYAD_BENCH=OFF", f"-DPython3_EXECUTABLE={sys.executable}"])
        jobs = os.environ.get("DYAD_BUILD_JOBS") or str(os.cpu_count() or 1)
        # _dyad depends on the gazetteer index, so both are built.
        self.spawn(["cmake", "--build", build_dir, "--target", "_dyad", "-j", jobs])

        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = os.path.join(build_dir, "python", "dyad", "_dyad" + suffix)
        if not os.path.exists(built):
            found = glob.glob(os.path.join(build_dir, "python", "dyad", "_dyad*"))
            raise RuntimeError(f"{built} was not built (found {found or 'nothing'}): the CMake build in "
                               f"{build_dir} is for another Python ({cache_value(build_dir, 'Python3_EXECUTABLE')})")
        dest = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(built, dest)
        if self.inplace:
            return  # a development install uses the compiled-in paths of the build tree
        # The package's own copy of the data and the gazetteer (dyad/__init__.py looks there first).
        package = os.path.dirname(dest)
        data = os.path.join(package, "data")
        if os.path.exists(data):
            shutil.rmtree(data)
        shutil.copytree(os.path.join(src, "data"), data)
        shutil.copyfile(os.path.join(build_dir, "gazetteer.bin"), os.path.join(package, "gazetteer.bin"))


# DYAD_SETUP_BUILD_BASE moves setuptools' own build files (build/, dyad.egg-info)
# out of python/, so that concurrent builds (the ctest install test) do not share them.
options = {}
if os.environ.get("DYAD_SETUP_BUILD_BASE"):
    base = os.path.abspath(os.environ["DYAD_SETUP_BUILD_BASE"])
    os.makedirs(base, exist_ok=True)
    options = {"build": {"build_base": os.path.join(base, "build")}, "egg_info": {"egg_base": base}}

setup(
    name="dyad",
    version=version(),
    packages=["dyad"],
    ext_modules=[Extension("dyad._dyad", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
    options=options,
)
