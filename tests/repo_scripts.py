"""The repository's scripts (benchmarks/*.py, tools/*.py, tests/hostile.py) as modules.

The tests are no package and the scripts are not part of govread, so a script is loaded from
its path, once per process, under a name of its own (registered in ``sys.modules``, where
dataclasses look their module up).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def load_script(relative: str) -> ModuleType:
    """``load_script("benchmarks/variants.py")``: the script, run once as a module."""
    path = ROOT / relative
    name = "govread_script_" + "_".join(Path(relative).with_suffix("").parts)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
