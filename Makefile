# Traction: the two commands of the README.
#   make run    install what is missing, build, start the app
#   make check  install what is missing, build, run every test (widget tests
#               under Xvfb), then the same tests in an ASan+UBSan build
# Also: make build, make bench, make clean.

BUILDDIR  ?= build
ASANDIR   ?= build-asan
DATABASE  ?=
ARGS      ?=

# Debian 12 packages needed to build, test and look at the app (the
# colour emoji font: names with emoji on screen and in printed reports).
PACKAGES = build-essential meson ninja-build pkg-config gettext \
           libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev \
           libsqlite3-dev libcairo2-dev libpango1.0-dev libcsv-dev libical-dev \
           fonts-noto-color-emoji \
           desktop-file-utils appstream xvfb xauth xdotool imagemagick \
           poppler-utils sqlite3 python3 \
           dbus at-spi2-core gir1.2-atspi-2.0 python3-gi \
           clang libclang-rt-14-dev

.PHONY: all deps build run check bench clean

all: build

deps:
	@./build-aux/install-deps.sh $(PACKAGES)

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR)

build: deps $(BUILDDIR)/build.ninja
	ninja -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data TRACTION_LOCALEDIR=$(BUILDDIR)/po ./$(BUILDDIR)/src/traction $(if $(DATABASE),--database "$(DATABASE)") $(ARGS)

check: deps
	@./build-aux/check.sh $(BUILDDIR) $(ASANDIR)

bench: build
	@./build-aux/bench.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR) $(ASANDIR)
