# Quality gates: set up by the quality-gates work (issue 6). Placeholder targets until then.
.PHONY: quality-deps check
quality-deps: $(STAMP)
check: build
