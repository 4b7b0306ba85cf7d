#!/usr/bin/env bash
# Installs a released linkcheck binary, verified, for the composite action.
#
#   install.sh VERSION DIR
#
# Downloads the archive of release VERSION (v1.2.3) for this runner's OS and
# architecture, and checksums.txt, from the release's download URL; refuses
# to install unless the archive's sha256 is the one checksums.txt lists for
# it, and, when the gh CLI is present, unless `gh attestation verify` finds
# the release workflow's build provenance for it. Only then is the binary
# moved into DIR; on any failure nothing is left there.
#
# Environment:
#   LINKCHECK_RELEASE_URL  where releases are downloaded from (default
#                          https://github.com/ai-reading-list/linkcheck/releases/download);
#                          VERSION/FILE is appended
#   LINKCHECK_REPOSITORY   the repository whose attestations gh checks
#                          (default ai-reading-list/linkcheck)
#   RUNNER_OS, RUNNER_ARCH the runner's OS and architecture as GitHub Actions
#                          names them (Linux, X64 …); uname when unset
#   GH_TOKEN               for gh attestation verify
set -euo pipefail

die() {
  printf 'linkcheck install: %s\n' "$*" >&2
  exit 1
}

[ $# -eq 2 ] || die "usage: install.sh VERSION DIR"
version=$1
dest=$2

# Only a release's tag has a release to download; a branch or a commit is
# built from source by the action.
[[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
  die "$version is not a release version (vMAJOR.MINOR.PATCH)"

base=${LINKCHECK_RELEASE_URL:-https://github.com/ai-reading-list/linkcheck/releases/download}
repo=${LINKCHECK_REPOSITORY:-ai-reading-list/linkcheck}

os=${RUNNER_OS:-$(uname -s)}
case $os in
  Linux | linux) os=linux ;;
  macOS | Darwin | darwin) os=darwin ;;
  Windows | windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) die "no release for the OS $os; use the action at a branch to build from source" ;;
esac
arch=${RUNNER_ARCH:-$(uname -m)}
case $arch in
  X64 | x86_64 | amd64) arch=amd64 ;;
  ARM64 | aarch64 | arm64) arch=arm64 ;;
  *) die "no release for the architecture $arch; use the action at a branch to build from source" ;;
esac

ext=tar.gz exe=linkcheck
if [ "$os" = windows ]; then
  ext=zip exe=linkcheck.exe
fi
# The archive's name as .goreleaser.yaml makes it: the version without its v.
archive="linkcheck_${version#v}_${os}_${arch}.${ext}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() {
  curl --fail --silent --show-error --location --retry 3 --retry-connrefused \
    --proto-redir '=https' --output "$work/$1" "$base/$version/$1" ||
    die "could not download $base/$version/$1"
}
fetch checksums.txt
fetch "$archive"

# checksums.txt has one "SHA256  NAME" line per file of the release.
want=$(awk -v name="$archive" '$2 == name { print $1 }' "$work/checksums.txt")
[ -n "$want" ] || die "checksums.txt of $version has no line for $archive: refusing to install"
[ "$(printf '%s\n' "$want" | wc -l)" -eq 1 ] || die "checksums.txt of $version lists $archive more than once: refusing to install"
if command -v sha256sum >/dev/null 2>&1; then
  got=$(sha256sum "$work/$archive" | awk '{ print $1 }')
else
  got=$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')
fi
[ "$got" = "$want" ] ||
  die "sha256 of $archive is $got, checksums.txt says $want: refusing to install"

# The checksum proves the archive is the one the release lists; the
# attestation proves the release workflow of $repo built it (and not
# another workflow of the repository).
if command -v gh >/dev/null 2>&1; then
  gh attestation verify "$work/$archive" --repo "$repo" \
    --signer-workflow "$repo/.github/workflows/release.yml" >&2 ||
    die "gh attestation verify found no build provenance from $repo's release workflow for $archive: refusing to install"
else
  echo "linkcheck install: gh is not installed; checked the sha256 only" >&2
fi

mkdir "$work/x"
case $ext in
  zip) unzip -q "$work/$archive" "$exe" -d "$work/x" ;;
  *) tar -xzf "$work/$archive" -C "$work/x" "$exe" ;;
esac || die "$archive holds no $exe"
chmod 755 "$work/x/$exe"
"$work/x/$exe" --version || die "the $exe of $archive does not run here"

mkdir -p "$dest"
# A copy beside the destination, then a rename: DIR never holds half a
# binary.
tmp="$dest/.$exe.$$"
trap 'rm -rf "$work" "$tmp"' EXIT
cp "$work/x/$exe" "$tmp"
mv -f "$tmp" "$dest/$exe"
