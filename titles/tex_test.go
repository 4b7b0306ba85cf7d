package titles

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFoldTeX(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Accents, with and without braces, before letters and \i.
		{`Schr\"odinger`, "Schrödinger"},
		{`Schr\"{o}dinger`, "Schrödinger"},
		{`Schr{\"o}dinger`, "Schr{ö}dinger"},
		{`Schr\" odinger`, "Schrödinger"},
		{`Caf\'e`, "Café"},
		{`Caf\'{e}`, "Café"},
		{`Espa\~na`, "España"},
		{`Espa\~{n}a`, "España"},
		{`Gar\c{c}on`, "Garçon"},
		{`Gar\c con`, "Garçon"},
		{`Erd\H{o}s`, "Erdős"},
		{`Hor\'{a}\v{c}ek`, "Horáček"},
		{`\^{e}tre`, "être"},
		{"\\`a la", "à la"},
		{`\=a`, "ā"},
		{`\.{z}`, "ż"},
		{`\u{a}`, "ă"},
		{`\r{a}`, "å"},
		{`\k{a}`, "ą"},
		{`\d{s}`, "ṣ"},
		{`Na\"{\i}ve`, "Naïve"},
		{`na\"\i ve`, "naïve"},
		{`\'{\i}`, "í"},
		{`\"{{o}}`, "{ö}"},
		{`\'{}x`, "x"},
		{`\'`, ""},
		// Letters.
		{`Stra\ss e`, "Straße"},
		{`Stra\ss{}e`, "Straß{}e"},
		{`{\O}stergaard`, "{Ø}stergaard"},
		{`\aa ngstr\"om`, "ångström"},
		{`\L{}\'od\'z`, "Ł{}ódź"},
		{`\AE sop`, "Æsop"},
		// Font commands keep their text.
		{`{\em Attention} Is All You Need`, "{Attention} Is All You Need"},
		{`{\bf Bold} and {\it italic}`, "{Bold} and {italic}"},
		{`\textbf{Bold} \emph{Words}`, "{Bold} {Words}"},
		{`\textit {Spaced}`, "{Spaced}"},
		{`\emph{}`, "{}"},
		{`$\mathcal{O}(n)$`, "${O}(n)$"},
		// Math and text symbols.
		{`$\alpha$-divergences`, "$α$-divergences"},
		{`$\Omega(\log n)$`, "$Ω(log n)$"},
		{`$\ell_1$ norms`, "$ℓ_1$ norms"},
		{`$\epsilon$ and $\varepsilon$`, "$ϵ$ and $ε$"},
		{`$O(n \times m)$ for $k \to \infty$`, "$O(n × m)$ for $k → ∞$"},
		{`$\leq$ $\geq$ $\neq$`, "$≤$ $≥$ $≠$"},
		// Escapes, ties and spacing.
		{`Q\&A at 50\% of \$1`, "Q&A at 50% of $1"},
		{`Schr\-\"o\-dinger`, "Schrödinger"},
		{`Dr.~Strangelove`, "Dr. Strangelove"},
		{`A\\B`, "A B"},
		{`a\,b`, "a b"},
		// Unknown commands keep their name, and the space after it.
		{`\LaTeX is here`, "LaTeX is here"},
		{`\foo{bar}`, "{bar}"},
		// No TeX at all.
		{"Attention Is All You Need", "Attention Is All You Need"},
		{"", ""},
		{`\`, ""},
	}
	for _, tt := range tests {
		if got := norm.NFC.String(foldTeX(tt.in)); got != tt.want {
			t.Errorf("foldTeX(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTeXTitlesMatch compares arXiv's TeX titles with the Unicode a
// catalog writes, through the whole normalization.
func TestTeXTitlesMatch(t *testing.T) {
	tests := []struct {
		arxiv, catalog string
		same           bool
	}{
		{`Schr\"odinger Bridges`, "Schrödinger Bridges", true},
		{`Schr\"{o}dinger Bridges`, "Schrödinger Bridges", true},
		{`A {Caf\'e} for Agents`, "A Café for Agents", true},
		{`Ma\~nana: Planning`, "Mañana: Planning", true},
		{`Fran\c{c}ais`, "Français", true},
		{`{\em Attention} Is All You Need`, "Attention Is All You Need", true},
		{`\textbf{Toolformer}: Language Models`, "Toolformer: Language Models", true},
		{`Learning $\alpha$-Divergences`, "Learning α-Divergences", true},
		{`$\beta$-VAE`, "β-VAE", true},
		{`$\mathcal{O}(\log n)$ Regret`, "𝒪(log n) Regret", true},
		{`Scaling to $10^{6}$ Tokens`, "Scaling to 10⁶ Tokens", true},
		{`$\ell_1$-Regularized`, "ℓ1-Regularized", true},
		{`Erd\H{o}s Meets~Agents`, "Erdős Meets Agents", true},
		{`Stra\ss e`, "Straße", true},
		// The other rules still hold: a different word is a different title.
		{`Schr\"odinger Bridges`, "Schrödinger Cats", false},
		{`$\alpha$-divergences`, "β-divergences", false},
		{`{\em Attention}`, "em Attention", false},
	}
	for _, tt := range tests {
		a, c := Normalize(tt.arxiv), Normalize(tt.catalog)
		if (a == c) != tt.same {
			t.Errorf("Normalize(%q) = %q, Normalize(%q) = %q; same = %v, want %v", tt.arxiv, a, tt.catalog, c, a == c, tt.same)
		}
	}
}

func FuzzFoldTeX(f *testing.F) {
	for _, s := range []string{`Schr\"odinger`, `\"{{o}}`, `{\em X} \textbf{Y}`, `$\alpha\to\infty$`, `\'{\i}`, `\c`, `\t{oo}`, `a~b\\c\ d`, `\"\\`, "\\\xff", `\'{\"u}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := foldTeX(s)
		if strings.ContainsAny(once, `\~`) {
			t.Errorf("foldTeX(%q) = %q, still holds TeX markup", s, once)
		}
		if twice := foldTeX(once); twice != once {
			t.Errorf("foldTeX(foldTeX(%q)) = %q, want %q", s, twice, once)
		}
		if !strings.ContainsAny(s, `\~`) && once != s {
			t.Errorf("foldTeX(%q) = %q, want it unchanged (no TeX)", s, once)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Errorf("foldTeX(%q) = %q, not UTF-8", s, once)
		}
	})
}
