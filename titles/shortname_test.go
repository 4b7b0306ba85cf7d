package titles

import "testing"

func TestShortName(t *testing.T) {
	tests := []struct {
		short, full string
		want        bool
	}{
		{"Reflexion", "Reflexion: Language Agents with Verbal Reinforcement Learning", true},
		{"ReAct", "ReAct: Synergizing Reasoning and Acting in Language Models", true},
		{"Lost in the Middle", "Lost in the Middle: How Language Models Use Long Contexts", true},
		{"Chain-of-Thought Prompting", "Chain of Thought Prompting Elicits Reasoning in Large Language Models", true},
		{"Llama 2", "Llama 2: Open Foundation and Fine-Tuned Chat Models", true},
		{"DPO", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", true},
		{"RAG", "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks", true},
		// Not a name of the paper: another paper, a reworded title, the
		// same title, a name longer than the title.
		{"Reflexion", "Toolformer: Language Models Can Teach Themselves to Use Tools", false},
		{"Language Agents with Reflexion", "Reflexion: Language Agents with Verbal Reinforcement Learning", false},
		{"Attention Is All You Need", "Attention Is All You Need", false},
		{"Attention Is All You Need (paper)", "Attention Is All You Need", false},
		{"Toolformer: Language Models Can Teach Themselves to Use Tools", "Toolformer: Language Models Can Teach Themselves to Use Tools and APIs", false},
		{"LM", "Language Models are Few-Shot Learners", false},
		{"XYZ", "Direct Preference Optimization", false},
		{"", "Attention Is All You Need", false},
	}
	for _, tt := range tests {
		if got := ShortName(Normalize(tt.short), Normalize(tt.full)); got != tt.want {
			t.Errorf("ShortName(%q, %q) = %v, want %v", tt.short, tt.full, got, tt.want)
		}
	}
}
