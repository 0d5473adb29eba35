# Two commands do all the set-up on a fresh machine:
#   make report   create .venv if missing, install, run the default scenarios, write reports/latest
#   make test     same set-up, then ruff, the layer contracts and the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
KERNEL := $(VENV)/.kernel-stamp

.PHONY: install report notebooks test test-model lint bench lab explorer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# numba compiles the engine's kernel into its cache once per machine (and after a change to
# it), here rather than in the first run, test worker or notebook kernel that needs it
$(KERNEL): $(STAMP) samen_model/model/kernel.py samen_model/analysis/calibration/quadrature.py
	@echo "compiling the engine's kernel and the calibration's quadrature (once, about 25 s)"
	$(BIN)/python -c "from samen_model.model.kernel import flows_kernel; flows_kernel()"
	$(BIN)/python -c "from samen_model.analysis.calibration.quadrature import group_kernel; \
	group_kernel()"
	touch $(KERNEL)

install: $(STAMP) $(KERNEL)

report: install
	$(BIN)/samen report

# re-execute notebooks/NN_*.ipynb in place with their default parameters, then strip every
# output except the cells marked "# NBVAL_CHECK_OUTPUT" (what nbval compares); commit the result
notebooks: install
	$(BIN)/python -m samen_model.products.notebooks.files refresh notebooks

lint: install
	$(BIN)/ruff check .

test: install lint
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -n auto
	$(BIN)/python -m pytest -n auto --dist loadfile --nbval-lax notebooks/

# the model, its analysis and the scenario files only (no notebooks, products or hostile files)
test-model: install
	$(BIN)/python -m pytest -n auto -m "not product"

bench: install
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_uncertainty.py
	$(BIN)/python benchmarks/bench_workbench.py
	$(BIN)/python benchmarks/bench_calibration.py
	$(BIN)/python benchmarks/bench_speedup.py
	$(BIN)/python benchmarks/bench_memory.py
	$(BIN)/python benchmarks/bench_startup.py

lab: install
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	$(BIN)/jupyter lab notebooks/

# the what-if explorer (notebooks/05_explorer.ipynb) as a standalone page, on this machine only
explorer: install
	$(BIN)/python -m samen_model.products.explorer.serve notebooks/05_explorer.ipynb

clean:
	rm -rf $(VENV) reports .pytest_cache .ruff_cache
