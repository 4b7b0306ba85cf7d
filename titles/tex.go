package titles

import (
	"strings"
	"unicode/utf8"
)

// arXiv titles are written in TeX (Schr\"odinger, {\em X}, $\alpha$) while
// a catalog writes what a reader sees (Schrödinger, X, α). foldTeX turns the
// first into the second before titles are compared; anything it does not
// know keeps its name without the backslash (\LaTeX reads "LaTeX").

// accents maps TeX accent commands to the Unicode combining mark they put
// on their argument: \"o and \"{o} are o + U+0308, which NFC makes ö.
var accents = map[string]rune{
	"`": '\u0300', "'": '\u0301', "^": '\u0302', "~": '\u0303', "=": '\u0304',
	".": '\u0307', "\"": '\u0308', "u": '\u0306', "r": '\u030A', "H": '\u030B',
	"v": '\u030C', "d": '\u0323', "c": '\u0327', "k": '\u0328', "b": '\u0331',
	"t": '\u0361',
}

// letters are TeX's commands for letters outside ASCII.
var letters = map[string]string{
	"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð",
	"DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
}

// symbols are the math and text symbols titles use, as Unicode.
var symbols = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ",
	"iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
	"pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ",
	"varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
	"chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
	"Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"ell": "ℓ", "hbar": "ℏ", "infty": "∞", "partial": "∂", "nabla": "∇",
	"times": "×", "cdot": "·", "pm": "±", "mp": "∓", "div": "÷",
	"leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠",
	"ll": "≪", "gg": "≫", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡",
	"propto": "∝", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
	"cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "emptyset": "∅",
	"to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒",
	"leftrightarrow": "↔", "mapsto": "↦", "sum": "∑", "prod": "∏", "int": "∫",
	"sqrt": "√", "star": "⋆", "circ": "∘", "ldots": "…", "dots": "…",
	"cdots": "⋯", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
	"copyright": "©", "textregistered": "®", "texttrademark": "™",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘",
	"textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
}

// fonts are declarations that change the font of the rest of their group
// ({\em X}, {\bf X}): they print nothing.
var fonts = map[string]bool{
	"em": true, "it": true, "bf": true, "sl": true, "sc": true, "rm": true,
	"tt": true, "sf": true, "cal": true, "normalfont": true, "bfseries": true,
	"mdseries": true, "itshape": true, "slshape": true, "scshape": true,
	"upshape": true, "rmfamily": true, "sffamily": true, "ttfamily": true,
	"boldmath": true, "tiny": true, "small": true, "large": true, "Large": true,
	"huge": true, "Huge": true, "displaystyle": true, "left": true, "right": true,
}

// foldTeX rewrites s's TeX markup as Unicode: accents become combining
// marks on their letter, \ss and friends their letters, known symbols
// their characters, font commands ({\em X}, \textbf{X}) just their text,
// a tie (~) or a spacing command a space. Braces and $ stay; the title
// comparison drops them with the other punctuation. The result holds no
// backslash and no tie, so folding it again changes nothing.
func foldTeX(s string) string {
	if !strings.ContainsAny(s, `\~`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '~':
			b.WriteByte(' ')
			i++
		case '\\':
			i = foldCommand(&b, s, i+1)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// foldCommand writes the text of the command after a backslash at s[i:]
// and returns where the input continues.
func foldCommand(b *strings.Builder, s string, i int) int {
	if i == len(s) {
		return i
	}
	name, next := commandName(s, i)
	if mark, ok := accents[name]; ok {
		arg, end := accentArg(s, next)
		writeAccented(b, arg, mark)
		return end
	}
	switch {
	case isLetter(s[i]):
		// TeX swallows the spaces after a command word; for a name kept
		// as text (\LaTeX is) they are kept, or words would run together.
		if l, ok := letters[name]; ok {
			b.WriteString(l)
			return skipSpaces(s, next)
		}
		if fonts[name] {
			return skipSpaces(s, next)
		}
		if sym, ok := symbols[name]; ok {
			b.WriteString(sym)
			return next
		}
		if j := skipSpaces(s, next); j < len(s) && s[j] == '{' {
			// \textbf{X}, \emph{X}, \mathcal{O}: the argument stays.
			return j
		}
		b.WriteString(name)
		return next
	case name == `\` || name == " " || name == "," || name == ";" || name == ":" || name == ">":
		b.WriteByte(' ')
	case name == "-" || name == "/" || name == "!" || name == "@":
		// A hyphenation hint, an italic correction, a negative space: nothing.
	default:
		// An escaped character (\&, \%, \$, \{) is itself.
		b.WriteString(name)
	}
	return next
}

// commandName returns the command name at s[i:] (a run of letters, or one
// character) and the index after it.
func commandName(s string, i int) (string, int) {
	if !isLetter(s[i]) {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[i : i+size], i + size
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return s[i:j], j
}

// accentArg returns the folded text an accent applies to: a braced group
// ({o}, {\i}), a command (\i), or one character, after optional spaces.
// It is "" when nothing follows.
func accentArg(s string, i int) (string, int) {
	i = skipSpaces(s, i)
	if i == len(s) {
		return "", i
	}
	switch s[i] {
	case '{':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					return foldTeX(s[i+1 : j]), j + 1
				}
			case '\\':
				j++ // \{ and \} do not count
			}
		}
		return foldTeX(s[i+1:]), len(s)
	case '}':
		return "", i
	case '\\':
		var b strings.Builder
		end := foldCommand(&b, s, i+1)
		return b.String(), end
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return foldTeX(s[i : i+size]), i + size // a tie (\'~) is a space
}

// writeAccented writes arg with mark after its first character (braces
// and spaces before it are not characters: \"{{o}} is ö); the dotless ı
// and ȷ take their dot back, as TeX authors write \'{\i} for í.
func writeAccented(b *strings.Builder, arg string, mark rune) {
	for i, r := range arg {
		_, size := utf8.DecodeRuneInString(arg[i:]) // not RuneLen: a bad byte is 1
		switch r {
		case '{', '}', ' ', '\t', '\n', '\r':
			continue
		case 'ı':
			r = 'i'
		case 'ȷ':
			r = 'j'
		}
		b.WriteString(arg[:i])
		b.WriteRune(r)
		b.WriteRune(mark)
		b.WriteString(arg[i+size:])
		return
	}
	b.WriteString(arg)
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
