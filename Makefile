# dieuhanh — the commands a person types. See README.md.
.PHONY: run test build build-native build-server web deps deps-test bench fuzz clean format

BUILD_TYPE ?= RelWithDebInfo
PORT ?= 8080
DB ?= sqlite:data/dieuhanh.db
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 60

# run builds the server alone (not the tests): a first run on a fresh machine compiles a third less.
run: deps build-server web
	@mkdir -p data
	./build/dieuhanh serve --db $(DB) --port $(PORT) --demo

test: deps-test build
	cd build && ctest --output-on-failure -j $(JOBS)

build: build-native web

build-native:
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	cmake --build build -j $(JOBS)

build-server:
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	cmake --build build -j $(JOBS) --target dieuhanh

web:
	cd web && npm run --silent build

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

bench:
	@scripts/install-deps.sh bench
	@cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build build-release -j $(JOBS)
	cd web && npm run --silent build
	bench/run.sh build-release

# Every fuzz target (fuzz/) for FUZZ_SECONDS each; crash inputs in build-fuzz/crashes/.
fuzz:
	@scripts/install-deps.sh fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build build-release build-fuzz web/dist
