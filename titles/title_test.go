package titles

import (
	"math"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Attention Is All You Need", "attention is all you need"},
		{"Chain-of-Thought Prompting", "chain of thought prompting"},
		{"Chain of Thought  Prompting", "chain of thought prompting"},
		{"Sleeper Agents: Training Deceptive LLMs that Persist Through Safety\n  Training", "sleeper agents training deceptive llms that persist through safety training"},
		{"  SWE-bench: Can Language Models Resolve Real-World GitHub Issues? ", "swe bench can language models resolve real world github issues"},
		{"Long–range — dashes", "long range dashes"},
		{"Learning $\\alpha$-divergences", "learning α divergences"},
		{"\\emph{Reflexion}: \\textbf{Language} Agents", "reflexion language agents"},
		{"{B}ayesian \\textit {Inference}", "bayesian inference"},
		{"ﬁne-tuning Ｌａｒｇｅ models", "fine tuning large models"},
		{"Straße", "strasse"},
		{"Cesàro means", "cesàro means"},
		{"Let's think", "lets think"},
		{"0", "0"},
		{"ꮠ Ꮠ", "ꮠ ꮠ"},
		{"", ""},
		{"?!", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizedSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"attention is all you need", "attention is all you need", 1},
		{"", "", 1},
		{"attention is all you need", "", 0},
		{"toolformer language models can teach themselves to use tools", "attention is all you need", 0},
		{"language models are few shot learners gpt 3", "language models are few shot learners", 0.75},
		// Reflexion's v1 and current titles share two of fifteen words.
		{Normalize(reflexionV1), Normalize("Reflexion: Language Agents with Verbal Reinforcement Learning"), 2.0 / 15},
		{"a a a b", "b a", 1},
	}
	for _, tt := range tests {
		if got := NormalizedSimilarity(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("NormalizedSimilarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got, rev := NormalizedSimilarity(tt.a, tt.b), NormalizedSimilarity(tt.b, tt.a); got != rev {
			t.Errorf("NormalizedSimilarity(%q, %q) = %v but reversed %v", tt.a, tt.b, got, rev)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{reflexionV1, "Chain-of-Thought", "$\\mathcal{O}(n)$ \\emph{x}", "ﬁ Ｌ ẞ ǰ a.\u0301 \u0301x", "Cesàro", "ꮠ Ꮠ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", s, twice, once)
		}
		if sim := NormalizedSimilarity(once, Normalize(s)); sim != 1 {
			t.Errorf("similarity of %q with itself = %v, want 1", once, sim)
		}
	})
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b    string
		another bool
	}{
		{"Attention Is All You Need", "attention is all you need", false},
		{"Chain-of-Thought Prompting", "Chain of Thought prompting", false},
		{"SWE-bench", "Domain for sale", true},
		{"LLM Powered Autonomous Agents | Lil'Log", "Lil'Log", true},
		{"GPT-4 Technical Report | OpenAI", "GPT-4 | OpenAI", false},
	}
	for _, tt := range tests {
		got := Similarity(tt.a, tt.b)
		if (got < AnotherWork) != tt.another {
			t.Errorf("Similarity(%q, %q) = %.2f, want another work %v", tt.a, tt.b, got, tt.another)
		}
	}
}

// reflexionV1 is the first title of arXiv:2303.11366, renamed in v3.
const reflexionV1 = "Reflexion: an autonomous agent with dynamic memory and self-reflection"
