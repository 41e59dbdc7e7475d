PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The bundle is built from a venv of its own with the `build` extra only: what the test extra brings
# (pytest, pygments, hypothesis, mypy …) must not be there for PyInstaller's hooks to find.
BUILD_VENV := .venv-build
BUILD_STAMP := $(BUILD_VENV)/.installed

.PHONY: run test test-qt69 test-pg lint typecheck bench bundle clean manual

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

$(BUILD_STAMP): pyproject.toml
	test -x $(BUILD_VENV)/bin/python || $(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install -q --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install -q -e '.[build]'
	touch $(BUILD_STAMP)

run: $(STAMP)
	$(BIN)/normdesk

lint: $(STAMP)
	$(BIN)/ruff check app tests migrations $(wildcard bench)
	$(BIN)/ruff format --check app tests migrations $(wildcard bench)

# mypy over app/ ([tool.mypy] in pyproject.toml): services and models fully annotated
typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

# The suite again on PostgreSQL: NORMDESK_TEST_PG=postgresql+psycopg://USER@HOST:PORT/postgres (a role
# that may CREATE DATABASE; each test gets its own database). SQLite-only tests are skipped.
test-pg: $(STAMP)
	@test -n "$$NORMDESK_TEST_PG" || { echo "test-pg: set NORMDESK_TEST_PG to a PostgreSQL server URL" >&2; exit 1; }
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

# The suite on the oldest PySide6 that pyproject.toml allows (6.9.3: its wheels need glibc 2.28
# only), in a venv of its own.
QT_OLDEST := 6.9.3
QT_OLDEST_VENV := .venv-qt69

$(QT_OLDEST_VENV)/.installed: pyproject.toml
	test -x $(QT_OLDEST_VENV)/bin/python || $(PYTHON) -m venv $(QT_OLDEST_VENV)
	$(QT_OLDEST_VENV)/bin/python -m pip install -q --upgrade pip
	$(QT_OLDEST_VENV)/bin/python -m pip install -q -e '.[test]' 'PySide6-Essentials==$(QT_OLDEST)'
	touch $@

test-qt69: $(QT_OLDEST_VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(QT_OLDEST_VENV)/bin/python -m pytest -q -n auto

bench: $(STAMP)
	rm -f bench/last.json
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py
	$(BIN)/python bench/texts_bench.py
	$(BIN)/python bench/pg_bench.py

# The fcitx Qt input-method plugin the spec puts into the Linux bundle (installer/fcitx/).
FCITX_PLUGIN := $(if $(filter Linux,$(shell uname -s)),build/fcitx-plugin/libfcitx5platforminputcontextplugin.so)
build/fcitx-plugin/libfcitx5platforminputcontextplugin.so: $(BUILD_STAMP) $(wildcard installer/fcitx/*.sh installer/fcitx/moc/* installer/fcitx/fcitx5-qt/*/*)
	bash installer/fcitx/build_plugin.sh build/fcitx-plugin \
		"$$($(BUILD_VENV)/bin/python -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib"))')"

# The wheel's ICU data library cut to Chinese and English (installer/icu_data.py; Linux only).
ICU_DATA := $(if $(filter Linux,$(shell uname -s)),build/icu-data/icu-data.json)
build/icu-data/icu-data.json: $(BUILD_STAMP) installer/icu_data.py
	$(BUILD_VENV)/bin/python installer/icu_data.py \
		"$$($(BUILD_VENV)/bin/python -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib"))')" \
		build/icu-data

# The onedir bundle for this OS in dist/normdesk/ (installer/normdesk.spec; Windows: see README).
bundle: $(BUILD_STAMP) $(FCITX_PLUGIN) $(ICU_DATA)
	$(BUILD_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller installer/normdesk.spec
	du -sh dist/normdesk

# The Linux bundle for older systems (glibc 2.31 and newer), built inside a Debian 11 root:
# dist/normdesk-compat/ (installer/compat/build.sh; root, needs debootstrap). Then its smoke test
# inside that root, offline, and which glibc each of its files needs.
.PHONY: bundle-compat smoke-compat
bundle-compat:
	bash installer/compat/build.sh
	du -sh dist/normdesk-compat

smoke-compat:
	bash installer/compat/smoke.sh dist/normdesk-compat
	python3 installer/glibc_report.py dist/normdesk-compat --max 2.31 --floor 2.28

# The 操作手册 as PDF: the screenshots retaken from the GUI (offscreen), then docs/manual.md printed.
manual: $(STAMP)
	NORMDESK_UPDATE_MANUAL=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/test_manual_screenshots.py
	$(BIN)/normdesk print manual -o docs/manual.pdf

clean:
	rm -rf $(VENV) $(BUILD_VENV) $(QT_OLDEST_VENV) build dist *.egg-info
