# Benchmarks (issue 9): placeholder until the benchmark work lands.
.PHONY: bench
bench: $(STAMP)
	@echo "benchmarks not written yet" && exit 1
