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
BUILT := .build/release/journal
# ArgumentParser's manual generator, built on its own from the resolved checkout.
MANUAL_TOOL := .build/manual-tool/release/generate-manual

.PHONY: all build man install uninstall clean

all: build

# The binary users run, made by scripts/build alone: on Linux the Swift runtime and
# Foundation are linked in (--static-swift-stdlib), so it starts in about half the time,
# checks faster, and runs where no toolchain is installed; libgit2, cmark-gfm, libyaml and
# what they need are linked in from their static archives too, which halves the
# instructions of starting again.
build:
	scripts/build --product journal

$(MANUAL_TOOL): build
	swift build --package-path .build/checkouts/swift-argument-parser --scratch-path .build/manual-tool -c release --product generate-manual

# The manual page is read from the built binary's own help. Not `swift package
# generate-manual`: that builds the whole package again in release mode without
# --static-swift-stdlib, relinking $(BUILT) into another binary before it is installed.
man: build $(MANUAL_TOOL)
	$(MANUAL_TOOL) $(BUILT) --output-directory .build

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
