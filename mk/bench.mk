# Benchmarks (issues 9 and 18): never part of `make test`. See benchmarks/README.md.
#   make bench                  the full matrix (N = 100, 1000, 3000; G = 500, 5000) on the
#                               realistic corpus: plain, plugin cold, floor, plugin warm, one
#                               edit; writes benchmarks/RESULTS.md; several minutes on 2 cores
#   make bench BENCH_ARGS='--articles 100,1000 --repeat 3'    a smaller or steadier run
#   make bench BENCH_ARGS='--density low'                     the low-density corpus of issue 9
#   make bench-corpus-check     check the generated corpus with the plugin's own readers
#   make bench-profile          pyinstrument profile of the plugin build at N = 1000, G = 5000
#   make bench-phases           seconds per build phase and page group, plain vs plugin
#   make bench-edit             the editing loop in `mkdocs serve` (also run by make bench)
#   make bench-discovery        discovery's cost per article on the evaluation articles (#15)
BENCH_ARGS ?=
EDIT_ARGS ?=
BENCH_OUT := benchmarks/out
PROFILE_N ?= 1000
PROFILE_G ?= 5000
PYINSTRUMENT := pyinstrument==5.1.3

.PHONY: bench bench-edit bench-discovery bench-corpus-check bench-profile bench-phases

bench: $(STAMP) $(NATIVE)
	$(BIN)/python -m benchmarks.run --output benchmarks/RESULTS.md $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.editloop --output benchmarks/RESULTS.md $(EDIT_ARGS)

# The editing loop alone: seconds from saving a seed or a glossary entry to the change being
# served by `mkdocs serve` (N = 1000, G = 5000 unless EDIT_ARGS says otherwise).
bench-edit: $(STAMP) $(NATIVE)
	$(BIN)/python -m benchmarks.editloop $(EDIT_ARGS)

# Milliseconds per article (and per 700 words) of entity discovery alone, gazetteers loaded.
bench-discovery: $(STAMP) $(NATIVE)
	$(BIN)/python -m benchmarks.discovery

bench-corpus-check: $(STAMP) $(NATIVE)
	$(BIN)/python -m pytest benchmarks -q -p no:cacheprovider

bench-profile: $(STAMP) $(NATIVE)
	@$(BIN)/python -c 'import pyinstrument' 2>/dev/null \
		|| $(BIN)/python -m pip install --quiet '$(PYINSTRUMENT)'
	rm -rf $(BENCH_OUT)/profile
	$(BIN)/python -m benchmarks.sites --articles $(PROFILE_N) --glossary $(PROFILE_G) \
		--out $(BENCH_OUT)/profile
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pyinstrument --renderer session \
		--outfile $(BENCH_OUT)/profile/plugin.pyisession \
		-m mkdocs build -q -f $(BENCH_OUT)/profile/plugin/mkdocs.yml \
		--site-dir $(CURDIR)/$(BENCH_OUT)/profile/plugin/site
	$(BIN)/python -m pyinstrument --load $(BENCH_OUT)/profile/plugin.pyisession \
		--renderer text --outfile $(BENCH_OUT)/profile/plugin.txt
	$(BIN)/python -m pyinstrument --load $(BENCH_OUT)/profile/plugin.pyisession \
		--renderer html --outfile $(BENCH_OUT)/profile/plugin.html
	rm -rf $(BENCH_OUT)/profile/plugin/site
	@echo "profile: $(BENCH_OUT)/profile/plugin.txt, .html, .pyisession (pyinstrument --load)"

# Seconds per build phase (convert, on_page_content, on_page_context, template) and page
# group, plain vs plugin, measured with MkDocs hooks and no profiler (benchmarks/phases/).
bench-phases: $(STAMP) $(NATIVE)
	rm -rf $(BENCH_OUT)/phases
	$(BIN)/python -m benchmarks.sites --articles $(PROFILE_N) --glossary $(PROFILE_G) \
		--out $(BENCH_OUT)/phases
	$(BIN)/python -m benchmarks.phases $(BENCH_OUT)/phases
