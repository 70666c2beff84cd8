"""environment.yml and pyproject.toml list the same dependencies."""
import re
import tomllib

import yaml

from framing import paths

CONDA_NAMES = {"matplotlib-base": "matplotlib", "vadersentiment": "vadersentiment"}


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_matches_pyproject():
    py = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    deps = {_name(d) for d in py["dependencies"]}
    for extra in py["optional-dependencies"].values():
        deps |= {_name(d) for d in extra}
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    conda = {CONDA_NAMES.get(_name(d), _name(d)) for d in env["dependencies"] if isinstance(d, str)}
    conda -= {"python", "pip"}
    assert conda == deps
