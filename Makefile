# The framing kit. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# Use the active conda or virtual environment if there is one; otherwise bootstrap .venv.
ifneq ($(strip $(VIRTUAL_ENV)$(CONDA_PREFIX)),)
PYTHON := python
VENV_STAMP := .env-installed.stamp
else
PYTHON := .venv/bin/python
VENV_STAMP := .venv/.installed.stamp
endif

# Reproducible figures: no dates in file metadata, fixed hash salt (see framing/plots.py).
export SOURCE_DATE_EPOCH := 0
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: help install test figures benchmark lab clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

.venv/bin/python:
	python3 -m venv .venv

$(VENV_STAMP): pyproject.toml $(if $(filter .venv/bin/python,$(PYTHON)),.venv/bin/python)
	$(PYTHON) -m pip install --upgrade --quiet pip
	$(PYTHON) -m pip install --quiet -e ".[notebooks,test]"
	$(PYTHON) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

install: $(VENV_STAMP) ## Create .venv (unless an environment is active) and install the package with its extras

test: $(VENV_STAMP) ## Run the whole test suite (notebooks included)
	$(PYTHON) -m pytest

figures: $(VENV_STAMP) ## Execute the notebooks headless and write figures/ (PDF, SVG, PNG + CSV data)
	$(PYTHON) -m framing.figures

benchmark: $(VENV_STAMP) ## Time the full analysis against VADER alone (a ratio, same process)
	$(PYTHON) benchmarks/bench_pipeline.py

lab: $(VENV_STAMP) ## Open JupyterLab on notebooks/
	$(PYTHON) -m jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

clean: ## Remove caches and build artefacts (keeps .venv)
	rm -rf .pytest_cache build *.egg-info framing.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
