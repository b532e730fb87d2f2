# tearline: a classification-aware redaction filter.
#
#   make            build ./tearline
#   make demo       install what is missing, build, release the seed cable with an audit, verify
#   make check      every test
#   make check-asan every test against a build with AddressSanitizer and UndefinedBehaviorSanitizer
#   make check-tsan the threaded tests against a build with ThreadSanitizer
#   make check-valgrind   the end-to-end cases and audit round trips under valgrind memcheck
#   make check-limits     the slow limit cases: a 1 GB document processed
#   make fuzz       every libFuzzer target for FUZZ_SECONDS
#   make install    PREFIX=/usr/local DESTDIR= (make uninstall takes the same)
#
# CPPFLAGS, CFLAGS and LDFLAGS are honoured (dpkg-buildflags' hardening among them).

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/tearline
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/vendor-completions
VERSION = 0.1.0

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = libpcre2-8 libsodium yaml-0.1 jansson libseccomp libutf8proc
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -pthread $(WARN) $(CPPFLAGS) $(CFLAGS) \
	-DTEARLINE_VERSION='"$(VERSION)"' -DTEARLINE_POLICY_DIR='"$(DATADIR)/policies"' \
	-DTEARLINE_BIN_DIR='"$(BINDIR)"' $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

B = build
SRC = filter/policy.c filter/countries.c filter/marking.c filter/fold.c filter/reading.c filter/facts.c filter/document.c filter/redact.c filter/textio.c filter/sandbox.c filter/check.c filter/report.c filter/policy_test.c \
	filter/keys.c filter/audit.c filter/audit_read.c filter/audit_writer.c filter/audit_ledger.c filter/verify.c filter/batch.c filter/checkpoint.c filter/cli.c filter/pipeline.c
OBJ = $(SRC:filter/%.c=$(B)/%.o) $(B)/policy_builtin.o
HDR = $(wildcard filter/*.h)

# TL is the program's path: ./tearline, or $(ASAN_B)/tearline in the sanitizer build.
TL = tearline

all: $(TL)

$(TL): $(OBJ) $(B)/main.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/%.o: filter/%.c $(HDR) | $(B)/libraries
	$(CC) $(ALL_CFLAGS) -Ifilter -c -o $@ $<

# The libraries are checked once, before anything is compiled, so that a missing one is named
# here rather than shown as hundreds of undefined references.
$(B)/libraries: | $(B)
	@$(PKG_CONFIG) --exists --print-errors $(PKGS) || { \
	    echo "tearline: a library is missing (above): make deps installs them as root," \
	        "or see scripts/deps.sh" >&2; exit 1; }
	@touch $@

# The installed policies' directory is compiled into policy.o: a build for another PREFIX (or
# `make install PREFIX=...` after a plain `make`) compiles it again.
$(B)/datadir: FORCE | $(B)
	@echo '$(DATADIR) $(BINDIR)' | cmp -s - $@ || echo '$(DATADIR) $(BINDIR)' > $@

$(B)/policy.o: $(B)/datadir

FORCE:

# The default policy is compiled in, so that the common case needs no --policy.
$(B)/policy_builtin.c: policies/us-cable.yaml scripts/embed.sh | $(B)
	sh scripts/embed.sh $< > $@

$(B)/policy_builtin.o: $(B)/policy_builtin.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B)

# Unit tests: one cmocka binary per module, tests/unit/test_MODULE.c, linked with every module.
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/%)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

$(B)/test_%: tests/unit/test_%.c tests/unit/fixtures.h $(OBJ) $(HDR)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Ifilter -o $@ $< $(OBJ) $(LIBS) $(CMOCKA_LIBS)

# The fault-injection shim of tests/faults.test.sh: plain flags, never a sanitizer's, because it
# is preloaded into the program.
$(B)/faultinject.so: tests/faults/faultinject.c | $(B)
	$(CC) -shared -fPIC -O2 -g -Wall -Wextra -o $@ $< -ldl

# The property tests (tests/props): the cmocka test and the runner both link props.c.
PROPS_SRC = tests/props/props.c

$(B)/test_props: tests/unit/test_props.c $(PROPS_SRC) tests/props/props.h tests/unit/fixtures.h \
    $(OBJ) $(HDR)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Ifilter -Itests/props -o $@ $< $(PROPS_SRC) $(OBJ) \
	    $(LIBS) $(CMOCKA_LIBS)

$(B)/props: tests/props/run.c $(PROPS_SRC) tests/props/props.h $(OBJ) $(HDR)
	$(CC) $(ALL_CFLAGS) -Ifilter -Itests/props -o $@ $< $(PROPS_SRC) $(OBJ) $(LIBS)

unit: $(UNIT_BIN) $(B)/faultinject.so $(B)/props

deps:
	@sh scripts/deps.sh build

demo:
	@sh scripts/deps.sh build
	@$(MAKE) --no-print-directory tearline
	@sh scripts/demo.sh

check:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory tearline unit
	@sh tests/run.sh

install: tearline
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/policies \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 tearline $(DESTDIR)$(BINDIR)/tearline
	install -m 644 tearline.1 $(DESTDIR)$(MANDIR)/man1/tearline.1
	install -m 644 policies/*.yaml $(DESTDIR)$(DATADIR)/policies/
	install -m 644 completion/tearline.bash $(DESTDIR)$(BASHCOMPDIR)/tearline
	install -m 644 completion/_tearline $(DESTDIR)$(ZSHCOMPDIR)/_tearline

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tearline $(DESTDIR)$(MANDIR)/man1/tearline.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/tearline $(DESTDIR)$(ZSHCOMPDIR)/_tearline
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B) $(ASAN_B) $(TSAN_B) tearline

.PHONY: all deps demo check unit install uninstall clean FORCE

# The whole suite against a build with AddressSanitizer and UndefinedBehaviorSanitizer, in
# $(ASAN_B): tests/run.sh takes the program from $$TEARLINE and the unit tests from $$BUILD.
# Any report fails it (tests/asan.sh collects every report through log_path, so that one from a
# run whose exit status a test expects to be non-zero is not missed).
# The seccomp sandbox stays on: LeakSanitizer's leak check at exit needs a few calls the
# allow-list refuses (clone with its own flags, ptrace, wait4, the legacy open and getdents),
# and filter/sandbox.c allows exactly those when the compiler says the build has AddressSanitizer.
# A normal build keeps the strict allow-list.
ASAN_B = build-asan
ASAN_CC = clang
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# tests/check.test.sh, html.test.sh and schemes.test.sh still run ./tearline, which is built too.
# The sanitizer build finds the policies beside it, as ./tearline does, through a link.
check-asan: tearline
	@sh scripts/deps.sh dev
	@$(MAKE) --no-print-directory B=$(ASAN_B) TL=$(ASAN_B)/tearline CC=$(ASAN_CC) \
		CFLAGS="-O1 -g $(SANITIZE)" $(ASAN_B)/tearline unit
	@ln -sfn ../policies $(ASAN_B)/policies
	@sh tests/asan.sh $(ASAN_B)

# The threaded parts (a large document's audit with its helper thread, batches with --jobs, GNU
# parallel) against a build with ThreadSanitizer, in $(TSAN_B); any report fails it. The sandbox
# stays on: ThreadSanitizer needs no call the allow-list refuses.
TSAN_B = build-tsan
TSAN_TESTS = tests/audit.test.sh tests/batch.test.sh tests/parallel.test.sh

check-tsan: tearline
	@sh scripts/deps.sh dev
	@$(MAKE) --no-print-directory B=$(TSAN_B) TL=$(TSAN_B)/tearline CC=$(ASAN_CC) \
		CFLAGS="-O1 -g -fsanitize=thread" $(TSAN_B)/tearline
	@ln -sfn ../policies $(TSAN_B)/policies
	@sh tests/asan.sh $(TSAN_B) $(TSAN_TESTS)

# The golden cases and audit round trips under valgrind memcheck, with --no-sandbox (valgrind
# makes calls of its own that the allow-list refuses). About a minute: not part of make check.
check-valgrind: tearline
	@sh scripts/deps.sh dev
	@sh tests/valgrind.sh

# The slow limit cases (a 1 GB document processed with --max-document 2G); make check runs the
# rest of tests/limits.test.sh.
check-limits: tearline
	@TEARLINE_SLOW_LIMITS=1 sh tests/limits.test.sh

.PHONY: check-asan check-tsan check-valgrind check-limits

# Fuzzing (clang with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer): every target
# under fuzz/ is built against the modules and run for FUZZ_SECONDS, failing on any crash, leak
# or property violation. Seeds come from samples/, tests/ and fuzz/seeds/.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SRC = $(wildcard fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:fuzz/%.c=fuzz/build/%)
FUZZ_MODS = $(SRC) $(B)/policy_builtin.c

fuzz/build/fuzz_%: fuzz/fuzz_%.c $(FUZZ_MODS) $(PROPS_SRC) $(HDR)
	@mkdir -p fuzz/build
	$(FUZZ_CC) -std=c11 -D_DEFAULT_SOURCE -pthread $(FUZZ_FLAGS) -Ifilter -Itests/props \
		$(shell $(PKG_CONFIG) --cflags $(PKGS)) -o $@ $< $(FUZZ_MODS) $(PROPS_SRC) $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: tearline
	@sh scripts/deps.sh dev
	@$(MAKE) --no-print-directory fuzz-build
	@sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

# The audit reader's target alone: make fuzz-audit builds it and runs it for FUZZ_SECONDS.
fuzz-audit: fuzz/build/fuzz_audit
	@sh fuzz/run.sh $(FUZZ_SECONDS) fuzz/build/fuzz_audit

.PHONY: fuzz fuzz-build fuzz-audit

# Benchmark (never part of make check): see bench/run.sh.
bench: tearline
	@sh bench/run.sh

.PHONY: bench
