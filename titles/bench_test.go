package titles

import "testing"

func BenchmarkNormalize(b *testing.B) {
	for b.Loop() {
		Normalize("Sleeper Agents: Training Deceptive LLMs that Persist Through Safety\n  Training")
	}
}
