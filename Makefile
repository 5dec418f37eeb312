# jianbao -- build the program, the issues and the site; run the tests.
# GNU make.  `make site` and `make test` install missing Debian packages first.

CC	?= cc
# The stages that only some commands use are modules the program loads
# when a command needs them (src/util/module.c), each a folder of src/
# built as a shared object beside the program, with its own libraries:
# print as jianbao-press.so (Pango, Cairo and the forty libraries behind
# them), word as jianbao-word.so and import as jianbao-import.so (libzip,
# which brings libcrypto), serve as jianbao-serve.so (libmicrohttpd, whose
# GnuTLS initialises itself when loaded; libcrypt for the desk's password
# file, src/serve/auth.c).  The HTML edition, the archive
# and the checks start without any of them.  A file added to one of these
# folders joins its module.
MODULES	 = press:print serve:serve word:word import:import decode:decode
MAIN_PKGS  = libcmark-gfm libxml-2.0 yaml-0.1 libjpeg libpng jansson glib-2.0
# cmark-gfm's table extension has no .pc file of its own; named before
# libcmark-gfm, which it calls, so a static link finds both ways.
MAIN_XLIBS = -lcmark-gfm-extensions
# Each module's libraries, its own shared copies.  libqpdf: the PDF
# rewritten sound and as PDF/A (src/print/pdffinish.c); libxml2: the OFD
# edition's XML parts (src/print/ofd.c); libzip: the packages of the Word
# and OFD editions (src/util/zipout.c, below), reading submitted .docx
# (src/import/docxin.c).  poppler-glib: the text of submitted PDFs
# (src/decode/pdfin.c); gdk-pixbuf: a Word file's GIF, BMP, TIFF and WebP
# pictures made PNG (src/decode/impic.c): the decode module, which import
# loads only for a PDF or such a picture (poppler brings forty libraries).
# icu-uc: the word breaks of titles (src/util/titlebreak.c, below).
press_PKGS  = libxml-2.0 pangocairo pangoft2 fontconfig harfbuzz-subset freetype2 libqpdf libzip icu-uc
serve_PKGS  = libmicrohttpd libcrypt glib-2.0 jansson yaml-0.1
word_PKGS   = libzip libxml-2.0 glib-2.0 icu-uc
import_PKGS = libzip libxml-2.0 glib-2.0
decode_PKGS = poppler-glib gdk-pixbuf-2.0 glib-2.0
# src/util/zipout.c writes the ZIP packages of the Word and OFD editions:
# it is linked into those two modules, not the program, so that libzip
# stays out of the commands that write no package.  So is the title
# breaker, src/util/titlebreak.c, for print (PDF, OFD, the phone image)
# and Word: building ICU's dictionary of Chinese words costs 8 M
# instructions a process, more than the rest of an issue's web page, whose
# titles the reader's browser cuts into words (templates/titles.js).
press_EXTRA = src/util/zipout.c src/util/titlebreak.c
word_EXTRA  = src/util/zipout.c src/util/titlebreak.c
PKGS	 = $(MAIN_PKGS) $(foreach m,$(MODULES),$($(firstword $(subst :, ,$m))_PKGS))
CFLAGS	?= -O2 -g
override CFLAGS += -std=c11 -D_XOPEN_SOURCE=700 -Wall -Wextra -Wno-unused-parameter \
	   -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(MAIN_XLIBS) $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
# The program's own libraries are linked in statically (the .a files come
# with the -dev packages): loading them as shared objects took more than
# half of a one-issue run, libxml2 alone bringing in ICU and libstdc++.
# Only the C library stays shared.  `make STATIC=no` links them shared.
ifeq ($(STATIC),no)
MAIN_LIBS  = $(MAIN_XLIBS) $(shell pkg-config --libs $(MAIN_PKGS) 2>/dev/null) -lm
else
MAIN_LIBS  = -Wl,-Bstatic $(MAIN_XLIBS) $(filter-out -lm -ldl -lrt -pthread,$(shell \
	     pkg-config --static --libs $(MAIN_PKGS) 2>/dev/null)) -lstdc++ \
	     -Wl,-Bdynamic -lm -pthread
endif
# The program exports its own functions for the modules (msg, mem,
# outfile, image) but not those of the libraries linked into it, so the
# modules' shared GLib, libxml2, libpng and zlib never mix with those copies;
# --as-needed keeps a library that nothing calls out of DT_NEEDED.
LINK_MAIN  = -rdynamic -static-libgcc -Wl,--exclude-libs,ALL -Wl,--as-needed -Wl,-O1
LINK_MOD   = -shared -Wl,--as-needed -Wl,-O1
BUILD	?= build

# src/ is one folder per stage (README, "For maintainers"); objects keep
# the folder: src/print/pdf.c -> $(BUILD)/print/pdf.o.
SRCS	 = $(sort $(wildcard src/*/*.c))
OBJS	 = $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS))
LIBOBJS	 = $(filter-out $(BUILD)/cli/main.o,$(OBJS))
# $(call mod_objs,NAME): the objects of module NAME, those of its folder.
mod_dir	 = $(lastword $(subst :, ,$(filter $1:%,$(MODULES))))
mod_objs = $(patsubst src/%.c,$(BUILD)/%.o,$(filter src/$(call mod_dir,$1)/% $($1_EXTRA),$(SRCS)))
MOD_NAMES  = $(foreach m,$(MODULES),$(firstword $(subst :, ,$m)))
MOD_FILES  = $(patsubst %,jianbao-%.so,$(MOD_NAMES))
MOD_OBJS   = $(foreach m,$(MOD_NAMES),$(call mod_objs,$m))
MAIN_OBJS  = $(filter-out $(MOD_OBJS),$(OBJS))
# Empty where there are no sources (an archive run with make -f, or a
# copy of the program): the modules are then taken as they are.
MOD_SOS	   = $(foreach m,$(MOD_NAMES),$(if $(call mod_objs,$m),jianbao-$m.so))
PRESS_SO   = $(filter jianbao-press.so,$(MOD_SOS))
WORD_SO	   = $(filter jianbao-word.so,$(MOD_SOS))

ISSUES	 = $(sort $(wildcard issues/*/*.md))
OUT	?= out
HTMLS	 = $(patsubst issues/%.md,$(OUT)/%.html,$(ISSUES))
PDFS	 = $(patsubst issues/%.md,$(OUT)/%.pdf,$(ISSUES))
DOCXS	 = $(patsubst issues/%.md,$(OUT)/%.docx,$(ISSUES))
OFDS	 = $(patsubst issues/%.md,$(OUT)/%.ofd,$(ISSUES))
# The pages' templates; templates/desk/ is the editing desk's (serve), no page's.
TEMPLATES = $(filter-out templates/desk,$(wildcard templates/*))
DESK_FILES = $(wildcard templates/desk/*)

.PHONY: all setup setup-test issue site html pdf docx ofd editions archive publish test fuzz fuzz-run clean \
	install uninstall preview png
.DELETE_ON_ERROR:
# No built-in rules: every rule is written here, and searching the built-in
# ones for each of a thousand issue files (could issues/2019/13.md be made
# from 13.md,v?) was most of the time of a `make site` with nothing to do.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

all: jianbao

# The stamp makes the package check run once per clone.
$(BUILD)/.setup: scripts/setup.sh
	@mkdir -p $(BUILD)
	sh scripts/setup.sh build
	@touch $@
$(BUILD)/.setup-test: scripts/setup.sh
	@mkdir -p $(BUILD)
	sh scripts/setup.sh test
	@touch $@
setup: $(BUILD)/.setup
setup-test: $(BUILD)/.setup $(BUILD)/.setup-test

# The modules live beside the program that loads them: jianbao-press.so
# here, $(BUILD)/jianbao-press.so beside $(BUILD)/jianbao.
jianbao: $(MAIN_OBJS) | $(MOD_SOS)
	$(CC) $(CFLAGS) $(LDFLAGS) $(LINK_MAIN) -o $@ $(MAIN_OBJS) $(MAIN_LIBS)
# jianbao-NAME.so and $(BUILD)/jianbao-NAME.so: the objects of NAME's folder.
mod_name = $(patsubst jianbao-%.so,%,$(notdir $1))
.SECONDEXPANSION:
$(MOD_SOS) $(addprefix $(BUILD)/,$(MOD_SOS)): $$(call mod_objs,$$(call mod_name,$$@))
	$(CC) $(CFLAGS) $(LDFLAGS) $(LINK_MOD) -o $@ $^ \
	  $(shell pkg-config --libs $($(call mod_name,$@)_PKGS) 2>/dev/null) -lm

$(BUILD)/%.o: src/%.c Makefile | $(BUILD)/.setup
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Isrc $(PKG_CFLAGS) -c -o $@ $<
$(MOD_OBJS): override CFLAGS += -fPIC

-include $(OBJS:.o=.d)

# The list of issue slugs changes only when an issue is added or removed;
# pages link to their neighbours, so they depend on it.  Compared and
# written by make itself: no shell runs when nothing changed.
$(OUT)/.issues: FORCE
	$(if $(call same,$(ISSUES),$(file <$@)),,$(shell mkdir -p $(OUT))$(file >$@,$(ISSUES)))
FORCE:

same = $(and $(findstring x $(strip $1) x,x $(strip $2) x),$(findstring x $(strip $2) x,x $(strip $1) x))

# Issue pages, print and Word editions are built in batches.  make still
# decides which are stale; the rule of a stale output only appends its
# issue to the queue $(OUT)/.queue-html, -pdf or -docx (make writes it,
# nothing is run),
# and the goal that wants them hands the whole queue to one
# `jianbao build --jobs N`, N from make's -j or else the number of CPUs:
# the workers load fonts and templates once instead of once per issue.
# An issue that fails keeps its old outputs, so they stay stale and the
# next run queues it again.  An output named on the command line
# (make out/2019/13.pdf, make issue N=...) is built at once.
QUEUE	 = $(OUT)/.queue
JOBS	 = $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),0)
BUILDRUN = ./jianbao build --jobs $(JOBS) --out $(OUT)

enqueue = $(if $(filter $@,$(patsubst ./%,%,$(MAKECMDGOALS))),./jianbao build --$1 --out $(OUT) $<,$(file >>$(QUEUE)-$1,$<))

# $(call flush,html pdf docx): build what the named queues hold.  The
# queues are read and emptied when make expands the recipe, each issue
# once (an interrupted run may have queued it twice, or a removed issue).
# Issues in several queues get those editions from one run, one run per
# set of editions; every run goes ahead when another fails, and the
# recipe fails if any did.
# Only the named queues are removed: `make html pdf` must not lose the
# queue of the goal that comes second.
flush = $(call flush_,$(if $(filter html,$1),$(file <$(QUEUE)-html)),$\
	$(if $(filter pdf,$1),$(file <$(QUEUE)-pdf)),$\
	$(if $(filter docx,$1),$(file <$(QUEUE)-docx)),$1)
flush_ = $(call flush__,$(strip $1 $2 $3),$(sort $(filter $(ISSUES),$1)),$\
	$(sort $(filter $(ISSUES),$2)),$(sort $(filter $(ISSUES),$3)),$4)
flush__ = $(if $1,@rm -f $(addprefix $(QUEUE)-,$5); rc=0$\
	$(call flushrun,,$(filter $(filter $2,$3),$4))$\
	$(call flushrun,--html --pdf ,$(filter-out $4,$(filter $2,$3)))$\
	$(call flushrun,--html --docx ,$(filter-out $3,$(filter $2,$4)))$\
	$(call flushrun,--pdf --docx ,$(filter-out $2,$(filter $3,$4)))$\
	$(call flushrun,--html ,$(filter-out $3 $4,$2))$\
	$(call flushrun,--pdf ,$(filter-out $2 $4,$3))$\
	$(call flushrun,--docx ,$(filter-out $2 $3,$4)); exit $$rc)
# The OFD queue (make ofd) is built on its own: with the series setting
# OFD版, a print edition brings its OFD along anyway (src/jobs/jobs.h).
flush_ofd = $(if $(strip $1),@rm -f $(QUEUE)-ofd; rc=0$(call flushrun,--ofd ,$\
	$(sort $(filter $(ISSUES),$1))); exit $$rc)
flushrun = $(if $2,; echo "$(BUILDRUN) $1$(if $(word 9,$2),$(firstword $2) …（共 $(words $2) 期）,$2)"; $\
	$(BUILDRUN) $1$2 || rc=1)

$(OUT)/%.html: issues/%.md jianbao bulletin.yaml $(TEMPLATES) $(OUT)/.issues
	$(call enqueue,html)

$(OUT)/%.pdf: issues/%.md jianbao $(PRESS_SO) bulletin.yaml | $(OUT)/.issues
	$(call enqueue,pdf)

$(OUT)/%.docx: issues/%.md jianbao $(WORD_SO) bulletin.yaml | $(OUT)/.issues
	$(call enqueue,docx)

$(OUT)/%.ofd: issues/%.md jianbao $(PRESS_SO) bulletin.yaml | $(OUT)/.issues
	$(call enqueue,ofd)

# make issue N=2019-13, or N=2026-zk-01 for issues/2026/zk-01.md (a 增刊):
# the year, then the file name.
NYEAR	 = $(firstword $(subst -, ,$(N)))
NSTEM	 = $(NYEAR)/$(patsubst $(NYEAR)-%,%,$(N))
issue: jianbao
	@test -n "$(N)" || { echo "用法：make issue N=2019-13" >&2; exit 2; }
	@test -f issues/$(NSTEM).md || \
	  { echo "make: 错误：找不到期刊文件 “issues/$(NSTEM).md”" >&2; exit 2; }
	$(MAKE) $(OUT)/$(NSTEM).html $(OUT)/$(NSTEM).pdf $(OUT)/$(NSTEM).docx

html: $(HTMLS)
	$(call flush,html)
pdf: $(PDFS)
	$(call flush,pdf)
docx: $(DOCXS)
	$(call flush,docx)
# make ofd: the OFD edition of every issue, OUT/YYYY/NN.ofd (the print
# edition's pages, for exchange and archives).
ofd: $(OFDS)
	$(call flush_ofd,$(file <$(QUEUE)-ofd))
# The archive is written while the editions are built.
site: editions $(OUT)/.archive
editions: $(HTMLS) $(PDFS) $(DOCXS)
	$(call flush,html pdf docx)
archive: $(OUT)/.archive

# The archive (home, year pages, feed.xml, search files) lists every issue,
# so it is rebuilt when any issue changes or one is added or removed.  One
# run writes all of it, leaving alone the files that would not change, and
# always rewrites .archive, its summary of every issue, which stands for
# the rest and lets the next run parse only the issues that changed.
$(OUT)/.archive: $(ISSUES) $(OUT)/.issues jianbao bulletin.yaml $(TEMPLATES)
	./jianbao site --out $(OUT) $(ISSUES)

# make png: the phone image of every issue, OUT/YYYY/NN.png (NN-1.png,
# NN-2.png … when it is long), for sharing in chat groups.
png: jianbao $(PRESS_SO)
	$(BUILDRUN) --png $(ISSUES)

# make preview [PORT=8000]: the site on http://127.0.0.1:PORT/, rebuilt on
# each save by the running program (src/serve/serve.h).  It builds what is stale
# itself rather than after `make site`, so an issue that does not build
# yet can still be previewed with its errors shown over the page.
PORT	?= 8000
preview: jianbao $(MOD_SOS)
	./jianbao serve --port $(PORT) --out $(OUT)

# make publish DEST=/srv/www/bulletins: copy the built site beside DEST and
# swap it in with one rename (see scripts/publish.sh).
publish: site
	@test -n "$(DEST)" || { echo "用法：make publish DEST=目录" >&2; exit 2; }
	sh scripts/publish.sh $(OUT) $(DEST)

tests/unit: $(LIBOBJS) $(wildcard tests/unit*.c) tests/harness.h
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Isrc -Itests -o $@ $(wildcard tests/unit*.c) $(LIBOBJS) $(PKG_LIBS)

test: $(BUILD)/.setup-test jianbao tests/unit
	sh tests/run.sh

# Proofreading and archive consistency of every issue; fails on errors.
check: jianbao
	./jianbao check $(ISSUES)

# The whole suite again under AddressSanitizer and UBSan: tests/t_zz_asan.sh.
$(BUILD)/jianbao: $(MAIN_OBJS) | $(addprefix $(BUILD)/,$(MOD_SOS))
	$(CC) $(CFLAGS) $(LDFLAGS) $(LINK_MAIN) -o $@ $(MAIN_OBJS) $(MAIN_LIBS)
$(BUILD)/unit: $(LIBOBJS) $(wildcard tests/unit*.c) tests/harness.h
	$(CC) $(CFLAGS) $(LDFLAGS) $(PKG_CFLAGS) -Isrc -Itests -o $@ \
	  $(wildcard tests/unit*.c) $(LIBOBJS) $(PKG_LIBS)

# libFuzzer targets (clang); fuzz-run gives each FUZZ_SECONDS on a copy of
# its committed seed corpus, so runs never rewrite the repository.  Built
# with IMP_NO_SOFFICE: an OLE-looking input must not start LibreOffice.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -DIMP_NO_SOFFICE
fuzz: $(BUILD)/.setup-test
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_FLAGS)" $(FUZZ_TARGETS)
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(patsubst src/%.c,build-fuzz/%.o,$(filter-out src/cli/main.c,$(SRCS)))
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -Isrc -o $@ $^ $(PKG_LIBS)
fuzz-run: fuzz
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# make install PREFIX=/usr/local (DESTDIR=... to stage a package): the
# program and its print module in BINDIR, the default series, templates
# and fonts/ that the program takes when the current folder has none in
# SHAREDIR, and the manual page.  The program finds SHAREDIR from its own
# folder (src/util/datadir.c), so the two keep their places under PREFIX.
PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share/jianbao
MANDIR	 = $(PREFIX)/share/man/man1

# fonts/ holds its README and whatever licensed fonts a unit put there,
# whose names may have spaces ("Times New Roman.ttf"): the shell lists it.
install: jianbao
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(SHAREDIR)/templates/desk" \
	  "$(DESTDIR)$(SHAREDIR)/fonts" "$(DESTDIR)$(MANDIR)"
	install -m 755 jianbao "$(DESTDIR)$(BINDIR)/jianbao"
	for m in $(MOD_FILES); do \
	  install -m 644 $$m "$(DESTDIR)$(BINDIR)/$$m" || exit 1; done
	install -m 644 bulletin.yaml "$(DESTDIR)$(SHAREDIR)/bulletin.yaml"
	install -m 644 $(TEMPLATES) "$(DESTDIR)$(SHAREDIR)/templates"
	install -m 644 $(DESK_FILES) "$(DESTDIR)$(SHAREDIR)/templates/desk"
	install -d "$(DESTDIR)$(SHAREDIR)/scripts"
	install -m 644 scripts/publish.sh "$(DESTDIR)$(SHAREDIR)/scripts/publish.sh"
	for f in fonts/*; do [ ! -f "$$f" ] || \
	  install -m 644 "$$f" "$(DESTDIR)$(SHAREDIR)/fonts" || exit 1; done
	install -m 644 jianbao.1 "$(DESTDIR)$(MANDIR)/jianbao.1"

# Removes what install put there; fonts added to SHAREDIR/fonts since
# stay, and so do the folders that hold them.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/jianbao" $(patsubst %,"$(DESTDIR)$(BINDIR)/%",$(MOD_FILES)) \
	  "$(DESTDIR)$(SHAREDIR)/bulletin.yaml" "$(DESTDIR)$(MANDIR)/jianbao.1" \
	  $(patsubst %,"$(DESTDIR)$(SHAREDIR)/%",$(TEMPLATES) $(DESK_FILES)) \
	  "$(DESTDIR)$(SHAREDIR)/scripts/publish.sh"
	for f in fonts/*; do rm -f "$(DESTDIR)$(SHAREDIR)/$$f"; done
	rmdir "$(DESTDIR)$(SHAREDIR)/templates/desk" "$(DESTDIR)$(SHAREDIR)/scripts" \
	  "$(DESTDIR)$(SHAREDIR)/templates" "$(DESTDIR)$(SHAREDIR)/fonts" \
	  "$(DESTDIR)$(SHAREDIR)" 2>/dev/null || true

clean:
	rm -rf $(BUILD) build-asan build-fuzz jianbao $(MOD_FILES) tests/unit $(OUT)
