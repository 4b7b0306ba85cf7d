package unidiff

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// Expected outputs are GNU diff -u's (without its timestamps): every case
// has a single shortest diff, so any correct implementation agrees.
func TestUnified(t *testing.T) {
	ten := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
	tests := []struct {
		name, a, b, want string
	}{
		{"equal", ten, ten, ""},
		{"one line in the middle", ten, strings.Replace(ten, "5\n", "five\n", 1),
			"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"},
		{"first line", ten, strings.Replace(ten, "1\n", "one\n", 1),
			"@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"},
		{"two changes six lines apart share a hunk", ten, strings.NewReplacer("2\n", "two\n", "9\n", "nine\n").Replace(ten),
			"@@ -1,10 +1,10 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n 10\n"},
		{"two changes seven lines apart do not", "0\n" + ten + "11\n", "0\none\n2\n3\n4\n5\n6\n7\n8\nnine\n10\n11\n",
			"@@ -1,5 +1,5 @@\n 0\n-1\n+one\n 2\n 3\n 4\n@@ -7,6 +7,6 @@\n 6\n 7\n 8\n-9\n+nine\n 10\n 11\n"},
		{"no newline at the end", "a\nb", "a\nc",
			"@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"a newline added at the end", "a\nb", "a\nb\n",
			"@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"},
		{"insert at the end", "a\n", "a\nb\n", "@@ -1 +1,2 @@\n a\n+b\n"},
		{"from empty", "", "a\n", "@@ -0,0 +1 @@\n+a\n"},
		{"to empty", "a\nb\n", "", "@@ -1,2 +0,0 @@\n-a\n-b\n"},
		{"CRLF kept", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Unified("a/f", "b/f", []byte(tt.a), []byte(tt.b), 3))
			want := ""
			if tt.want != "" {
				want = "--- a/f\n+++ b/f\n" + tt.want
			}
			if got != want {
				t.Errorf("Unified =\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// The edit script is shortest (as long as the LCS says) and turns a into
// b; the diff, applied to a, gives b. Random texts over a tiny alphabet
// make many equal lines and so many ways to go wrong.
func TestRandomDiffsApply(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		a, b := randomLines(rng), randomLines(rng)
		ai, bi := intern(splitLines([]byte(a)), splitLines([]byte(b)))
		ops := script(ai, bi)
		edits := 0
		for _, o := range ops {
			if o.kind != opEqual {
				edits += o.n
			}
		}
		if want := len(ai) + len(bi) - 2*lcs(ai, bi); edits != want {
			t.Fatalf("case %d: %d edits from %q to %q, want %d", n, edits, a, b, want)
		}
		d := Unified("a", "b", []byte(a), []byte(b), rng.IntN(4))
		if got, err := apply(a, string(d)); err != nil || got != b {
			t.Fatalf("case %d: applying\n%s\nto %q gives %q (%v), want %q", n, d, a, got, err, b)
		}
	}
}

func randomLines(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(12) {
		b.WriteString(string(rune('a' + rng.IntN(3))))
		b.WriteByte('\n')
	}
	s := b.String()
	if s != "" && rng.IntN(4) == 0 {
		s = s[:len(s)-1]
	}
	return s
}

func lcs(a, b []int) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// apply is a strict patch: every context and deleted line must match.
func apply(a, diff string) (string, error) {
	if diff == "" {
		return a, nil
	}
	src := splitLines([]byte(a))
	lines := strings.SplitAfter(diff, "\n")
	var out bytes.Buffer
	pos := 0
	for i := 2; i < len(lines) && lines[i] != ""; {
		var as, ac, bs, bc int
		h := strings.Fields(lines[i])
		as, ac = parseRange(h[1][1:])
		bs, bc = parseRange(h[2][1:])
		_ = bs
		start := as - 1
		if ac == 0 {
			start = as
		}
		for ; pos < start; pos++ {
			out.Write(src[pos])
		}
		i++
		seenA, seenB := 0, 0
		for seenA < ac || seenB < bc {
			l := lines[i]
			text := l[1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(src) || string(src[pos]) != text {
					return "", fmt.Errorf("line %d does not match %q", pos+1, text)
				}
				pos++
				seenA++
				if l[0] == ' ' {
					out.WriteString(text)
					seenB++
				}
			case '+':
				out.WriteString(text)
				seenB++
			}
			i++
		}
	}
	for ; pos < len(src); pos++ {
		out.Write(src[pos])
	}
	return out.String(), nil
}

func parseRange(s string) (start, count int) {
	a, b, ok := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	if !ok {
		return start, 1
	}
	count, _ = strconv.Atoi(b)
	return start, count
}

// FuzzUnified: whatever the two texts, the diff applies to the first and
// gives the second.
func FuzzUnified(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nB\nc\n")
	f.Add("a\r\nb", "b\r\na\r\n")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := Unified("a", "b", []byte(a), []byte(b), 3)
		if got, err := apply(a, string(d)); err != nil || got != b {
			t.Fatalf("applying\n%s\nto %q gives %q (%v), want %q", d, a, got, err, b)
		}
	})
}
