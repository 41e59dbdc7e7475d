PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_STAMP := $(VENV)/.installed-build

.PHONY: run test test-pg lint typecheck bench bundle clean manual

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,build]'
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

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# The fcitx Qt input-method plugin the spec puts into the Linux bundle (installer/fcitx/).
FCITX_PLUGIN := $(if $(filter Linux,$(shell uname -s)),build/fcitx-plugin/libfcitx5platforminputcontextplugin.so)
build/fcitx-plugin/libfcitx5platforminputcontextplugin.so: $(BUILD_STAMP) $(wildcard installer/fcitx/*.sh installer/fcitx/moc/* installer/fcitx/fcitx5-qt/*/*)
	bash installer/fcitx/build_plugin.sh build/fcitx-plugin \
		"$$($(BIN)/python -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib"))')"

# The onedir bundle for this OS in dist/normdesk/ (installer/normdesk.spec; Windows: see README).
bundle: $(BUILD_STAMP) $(FCITX_PLUGIN)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller installer/normdesk.spec
	du -sh dist/normdesk

# The 操作手册 as PDF: the screenshots retaken from the GUI (offscreen), then docs/manual.md printed.
manual: $(STAMP)
	NORMDESK_UPDATE_MANUAL=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/test_manual_screenshots.py
	$(BIN)/normdesk print manual -o docs/manual.pdf

clean:
	rm -rf $(VENV) build dist *.egg-info
