# dyad: the two commands of the README are `make run` and `make test`.
# Both install missing Debian packages first (scripts/setup.sh).
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)

.PHONY: all setup build python run test sanitize fuzz bench bench-store bench-load clean

all: build

setup:
	@bash scripts/setup.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	cd web && npm run --silent build

# The Python module (docs/scale.md): a venv in $(BUILD)/venv that also sees
# Debian's dask and distributed, with ./python installed into it offline from
# the CMake build in $(BUILD) (nothing is compiled twice).
python: build
	/usr/bin/python3 -m venv --system-site-packages $(BUILD)/venv
	DYAD_CMAKE_BUILD_DIR=$(abspath $(BUILD)) $(BUILD)/venv/bin/python -m pip install --no-build-isolation --no-index ./python

# The main job: code the sample corpus shipped in examples/ into the embedded
# event database (safe to re-run), then show the Armenia-Azerbaijan series and
# the escalation alerts it holds.
run: build
	$(BUILD)/dyad ingest --db events.db examples/corpus.jsonl
	@echo
	@echo "Armenia-Azerbaijan by month (dyad series --db events.db --dyad ARM,AZE --by month):"
	@$(BUILD)/dyad series --db events.db --dyad ARM,AZE --by month
	@echo
	@echo "Escalation alerts (dyad alerts --db events.db):"
	@$(BUILD)/dyad alerts --db events.db
	@echo
	@echo "Serving the dashboard and the API (Ctrl-C to stop); open the address below:"
	$(BUILD)/dyad serve --db events.db

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	bash scripts/web_test.sh $(BUILD)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON -DDYAD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (fuzz/, clang with ASan and UBSan), each for FUZZ_SECONDS
# on a copy of its seed corpus (docs/reliability.md).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BUILD)

# Throughput: stage micro-benchmarks, then end to end on a generated 50 MB corpus.
bench: build
	$(BUILD)/bench/dyad_bench_stages
	bash bench/end_to_end.sh $(BUILD)

# The event store with a million events: ingest time, query and series latency.
bench-store: build
	bash bench/store_bench.sh $(BUILD) 170

# dyad serve under wrk on the million-event database of bench-store (made if
# missing): req/s, p50/p99 and errors per endpoint, server RSS (docs/reliability.md).
LOAD_SECONDS ?= 300
bench-load: build
	bash bench/load_test.sh $(BUILD) $(LOAD_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
