# dyad: the two commands of the README are `make run` and `make test`.
# Both install missing Debian packages first (scripts/setup.sh).
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)

.PHONY: all setup build run test sanitize bench clean

all: build

setup:
	@bash scripts/setup.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The main job: code the sample reports shipped in examples/ into events.
run: build
	$(BUILD)/dyad code examples/reports.jsonl -o events.jsonl
	@echo "events written to events.jsonl; first ones:"
	@head -n 3 events.jsonl

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON -DDYAD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# Throughput: stage micro-benchmarks, then end to end on a generated 50 MB corpus.
bench: build
	$(BUILD)/bench/dyad_bench_stages
	bash bench/end_to_end.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
