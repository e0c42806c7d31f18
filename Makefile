# Release build, manual page and shell completions, installed under PREFIX.
#   make install PREFIX=$HOME/.local
#   make uninstall PREFIX=$HOME/.local
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
# On Linux the Swift runtime and Foundation are linked in, as scripts/build does: a binary
# that starts in about half the time, checks faster, and runs where no toolchain is installed.
ifeq ($(shell uname),Linux)
SWIFT_FLAGS ?= -c release --static-swift-stdlib
else
SWIFT_FLAGS ?= -c release
endif
BUILT := .build/release/journal

.PHONY: all build man install uninstall clean

all: build

build:
	swift build $(SWIFT_FLAGS) --product journal

man: build
	swift package generate-manual
	cp .build/plugins/GenerateManual/outputs/journal/journal.1 .build/journal.1

install: build man
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 0755 $(BUILT) "$(BINDIR)/journal"
	install -m 0644 .build/journal.1 "$(MANDIR)/journal.1"
	$(BUILT) --generate-completion-script bash > "$(BASHDIR)/journal"
	$(BUILT) --generate-completion-script zsh > "$(ZSHDIR)/_journal"
	$(BUILT) --generate-completion-script fish > "$(FISHDIR)/journal.fish"

uninstall:
	rm -f "$(BINDIR)/journal" "$(MANDIR)/journal.1" "$(BASHDIR)/journal" "$(ZSHDIR)/_journal" "$(FISHDIR)/journal.fish"

clean:
	swift package clean
