# Entry points for a fresh Debian machine:
#   make demo   install what is missing, build, translate examples/targetfib.py, run it
#   make test   install what is missing, build, run every test (ctest)
#   make bench  build, then bench/run.py: translated programs vs CPython 3,
#               PyPy 3 and C references (table + bench/results.json)
# The machine may be shared: builds never use more than 2 jobs.

BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
PYTHON     := /usr/bin/python3

DEB_PACKAGES := g++ cmake make python3-dev pybind11-dev libboost-test-dev \
                libboost-graph-dev libspdlog-dev libfmt-dev libgmp-dev libgc-dev \
                graphviz pkg-config pypy3

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build configure deps demo test unit e2e programs bad bench clean distclean

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg -s $$p 2>/dev/null | grep -q "^Status: install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else \
	  echo "all Debian packages present"; \
	fi

configure:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

demo: deps build
	$(PYTHON) ./translate.py examples/targetfib.py
	./fib-c 30

test: deps build
	ctest --test-dir $(BUILD_DIR) --output-on-failure

# Subsets, for day-to-day work (no `deps`):
unit: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -L unit

programs: build
	RPY_BUILD_DIR=$(abspath $(BUILD_DIR)) $(PYTHON) tests/run_programs.py

bad: build
	RPY_BUILD_DIR=$(abspath $(BUILD_DIR)) $(PYTHON) tests/run_bad.py

e2e: programs bad

# BENCH_ARGS: e.g. `--repeat 5 bf` or `--cpython bf` (CPython on mandelbrot takes minutes)
bench: build
	RPY_BUILD_DIR=$(abspath $(BUILD_DIR)) $(PYTHON) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(BUILD_DIR)
	rm -f ./*-c ./*-c.cpp
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
