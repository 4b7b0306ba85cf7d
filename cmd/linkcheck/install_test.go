package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// installScript is the composite action's installer of a release.
var installScript = filepath.Join("..", "..", ".github", "actions", "linkcheck", "install.sh")

// releaseFiles is what a GitHub release serves: file name → content.
type releaseFiles map[string][]byte

// checksumsFile is checksums.txt as goreleaser writes it for files.
func checksumsFile(files releaseFiles, names ...string) []byte {
	var b bytes.Buffer
	for _, name := range names {
		sum := sha256.Sum256(files[name])
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	return b.Bytes()
}

// serveReleaseFiles serves a release under /VERSION/FILE, as GitHub's release
// download URL does; anything else is a 404.
func serveReleaseFiles(t *testing.T, version string, files releaseFiles) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/"+version+"/")
		data, found := files[name]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// tarGzArchive is a .tar.gz archive holding files, each executable.
func tarGzArchive(t *testing.T, files releaseFiles) []byte {
	t.Helper()
	var b bytes.Buffer
	gz := gzip.NewWriter(&b)
	tw := tar.NewWriter(gz)
	for name, data := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// runnerPlatform names this machine as GitHub Actions does (RUNNER_OS,
// RUNNER_ARCH), and as the release's archives do.
func runnerPlatform(t *testing.T) (runnerOS, runnerArch, goos, goarch string) {
	t.Helper()
	oses := map[string]string{"linux": "Linux", "darwin": "macOS"}
	arches := map[string]string{"amd64": "X64", "arm64": "ARM64"}
	o, a := oses[runtime.GOOS], arches[runtime.GOARCH]
	if o == "" || a == "" {
		t.Skipf("the installer is tested on Linux and macOS, amd64 and arm64, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	return o, a, runtime.GOOS, runtime.GOARCH
}

// installPath is a directory of links to the commands the installer uses,
// and nothing else: no gh unless the test puts one there.
func installPath(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"bash", "curl", "awk", "tar", "gzip", "mktemp", "rm", "mkdir", "cp", "mv", "chmod", "wc", "uname", "cat"} {
		path, err := exec.LookPath(name)
		if err != nil {
			t.Skipf("the installer needs %s: %v", name, err)
		}
		if err := os.Symlink(path, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	// sha256sum, or shasum on macOS.
	linked := false
	for _, name := range []string{"sha256sum", "shasum"} {
		if path, err := exec.LookPath(name); err == nil {
			if err := os.Symlink(path, filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			linked = true
		}
	}
	if !linked {
		t.Skip("the installer needs sha256sum or shasum")
	}
	return dir
}

// fakeGH puts a gh into dir that records its arguments in a file and exits
// with code.
func fakeGH(t *testing.T, dir string, code int) (argsFile string) {
	t.Helper()
	argsFile = filepath.Join(t.TempDir(), "gh-args")
	script := fmt.Sprintf("#!/bin/sh\necho \"$@\" > %q\nexit %d\n", argsFile, code)
	if err := os.WriteFile(filepath.Join(dir, "gh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return argsFile
}

// buildRelease builds linkcheck as the release workflow stamps it.
func buildRelease(t *testing.T, version string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "linkcheck")
	build := exec.Command("go", "build", "-ldflags", "-X main.version="+version, "-o", out, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// runInstall runs the installer of release version from baseURL into
// dest, with PATH set to path alone.
func runInstall(t *testing.T, path, version, baseURL, dest string) (stdout, stderr *bytes.Buffer, err error) {
	t.Helper()
	runnerOS, runnerArch, _, _ := runnerPlatform(t)
	cmd := exec.Command(filepath.Join(path, "bash"), installScript, version, dest)
	cmd.Env = []string{
		"PATH=" + path,
		"HOME=" + t.TempDir(),
		"TMPDIR=" + t.TempDir(),
		"LINKCHECK_RELEASE_URL=" + baseURL,
		"RUNNER_OS=" + runnerOS,
		"RUNNER_ARCH=" + runnerArch,
	}
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	return stdout, stderr, cmd.Run()
}

// The action installs a release only when its archive is the one the
// release's checksums.txt lists and, where gh is installed, when gh
// verifies its build provenance; on any failure nothing is installed.
func TestInstallRelease(t *testing.T) {
	if _, err := os.Stat(installScript); err != nil {
		t.Fatal(err)
	}
	_, _, goos, goarch := runnerPlatform(t)
	const version = "v9.8.7"
	archive := fmt.Sprintf("linkcheck_9.8.7_%s_%s.tar.gz", goos, goarch)
	good := tarGzArchive(t, releaseFiles{"linkcheck": buildRelease(t, version), "README.md": []byte("# linkcheck\n")})
	other := "linkcheck_9.8.7_windows_amd64.zip"
	files := releaseFiles{archive: good, other: []byte("zip")}
	sums := checksumsFile(files, other, archive)
	// A valid archive, whose binary says the right version: only its
	// checksum gives it away.
	tampered := tarGzArchive(t, releaseFiles{"linkcheck": []byte("#!/bin/sh\necho linkcheck " + version + "\n"), "README.md": []byte("# linkcheck\n")})

	tests := []struct {
		name    string
		version string
		served  releaseFiles
		gh      int // -1: no gh; else gh's exit code
		wantErr string
	}{
		{"good archive, no gh", version, releaseFiles{archive: good, "checksums.txt": sums}, -1, ""},
		{"good archive, gh verifies it", version, releaseFiles{archive: good, "checksums.txt": sums}, 0, ""},
		{"tampered archive", version, releaseFiles{archive: tampered, "checksums.txt": sums}, -1,
			"sha256 of " + archive + " is "},
		{"checksums.txt without the archive's line", version, releaseFiles{archive: good, "checksums.txt": checksumsFile(files, other)}, -1,
			"checksums.txt of v9.8.7 has no line for " + archive + ": refusing to install"},
		{"checksums.txt with two lines for the archive", version, releaseFiles{archive: good, "checksums.txt": append(bytes.Clone(sums), checksumsFile(releaseFiles{archive: tampered}, archive)...)}, -1,
			"checksums.txt of v9.8.7 lists " + archive + " more than once: refusing to install"},
		{"no checksums.txt", version, releaseFiles{archive: good}, -1,
			"could not download "},
		{"archive not found", version, releaseFiles{"checksums.txt": sums}, -1,
			"could not download "},
		{"gh finds no provenance", version, releaseFiles{archive: good, "checksums.txt": sums}, 1,
			"gh attestation verify found no build provenance from ai-reading-list/linkcheck's release workflow for " + archive},
		{"a branch is not a release", "main", releaseFiles{archive: good, "checksums.txt": sums}, -1,
			"main is not a release version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := installPath(t)
			var ghArgs string
			if tt.gh >= 0 {
				ghArgs = fakeGH(t, path, tt.gh)
			}
			dest := filepath.Join(t.TempDir(), "bin")
			stdout, stderr, err := runInstall(t, path, tt.version, serveReleaseFiles(t, version, tt.served), dest)

			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("install succeeded, want it to refuse with %q\nstderr: %s", tt.wantErr, stderr.String())
				}
				if !strings.Contains(stderr.String(), tt.wantErr) {
					t.Errorf("stderr = %q, want it to say %q", stderr.String(), tt.wantErr)
				}
				if entries, err := os.ReadDir(dest); err == nil && len(entries) > 0 {
					t.Errorf("a refused install left %d files in %s", len(entries), dest)
				}
				return
			}
			if err != nil {
				t.Fatalf("install: %v\nstderr: %s", err, stderr.String())
			}
			if got, want := stdout.String(), "linkcheck "+version+"\n"; got != want {
				t.Errorf("install printed %q, want %q", got, want)
			}
			installed, err := exec.Command(filepath.Join(dest, "linkcheck"), "--version").Output()
			if err != nil {
				t.Fatalf("the installed linkcheck: %v", err)
			}
			if got, want := string(installed), "linkcheck "+version+"\n"; got != want {
				t.Errorf("installed linkcheck --version = %q, want %q", got, want)
			}
			if entries, _ := os.ReadDir(dest); len(entries) != 1 {
				t.Errorf("%s holds %d files, want linkcheck alone", dest, len(entries))
			}
			if ghArgs != "" {
				data, err := os.ReadFile(ghArgs)
				if err != nil {
					t.Fatalf("gh was not run: %v", err)
				}
				want := regexp.MustCompile(`^attestation verify /\S+/` + regexp.QuoteMeta(archive) + ` --repo ai-reading-list/linkcheck --signer-workflow ai-reading-list/linkcheck/.github/workflows/release.yml$`)
				if got := strings.TrimSpace(string(data)); !want.MatchString(got) {
					t.Errorf("gh %s, want gh %s", got, want)
				}
			} else if !strings.Contains(stderr.String(), "gh is not installed; checked the sha256 only") {
				t.Errorf("without gh, stderr = %q, want it to say only the sha256 was checked", stderr.String())
			}
		})
	}
}

// The installer installs what goreleaser makes from .goreleaser.yaml: the
// archive names agree, and the binary says the release's version. .ci/run
// makes a snapshot release and runs this test on it with
// LINKCHECK_RELEASE_DIST set to its dist directory.
func TestInstallSnapshot(t *testing.T) {
	dist := os.Getenv("LINKCHECK_RELEASE_DIST")
	if dist == "" {
		t.Skip("set LINKCHECK_RELEASE_DIST to the dist directory of a goreleaser snapshot")
	}
	data, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &meta); err != nil || meta.Version == "" {
		t.Fatalf("%s/metadata.json names no version: %v", dist, err)
	}
	version := "v" + meta.Version
	files := releaseFiles{}
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if files[e.Name()], err = os.ReadFile(filepath.Join(dist, e.Name())); err != nil {
			t.Fatal(err)
		}
	}

	dest := filepath.Join(t.TempDir(), "bin")
	stdout, stderr, err := runInstall(t, installPath(t), version, serveReleaseFiles(t, version, files), dest)
	if err != nil {
		t.Fatalf("install %s: %v\nstderr: %s", version, err, stderr)
	}
	if got, want := stdout.String(), "linkcheck "+version+"\n"; got != want {
		t.Errorf("the snapshot's linkcheck --version = %q, want %q", got, want)
	}
}
