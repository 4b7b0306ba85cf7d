package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	tests := []struct {
		targets int
		want    int64
	}{
		{0, 80 << 20},
		{100, 80 << 20},
		{20_000, 80 << 20},
		{40_000, 40_000 * 4 << 10},
		{100_000, 100_000 * 4 << 10},
	}
	for _, tt := range tests {
		if got := memoryLimit(tt.targets); got != tt.want {
			t.Errorf("memoryLimit(%d) = %d MiB, want %d MiB", tt.targets, got>>20, tt.want>>20)
		}
	}
}

func TestLimitMemoryLeavesGOMEMLIMIT(t *testing.T) {
	if f := limitMemory(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "1GiB"
		}
		return ""
	}); f != nil {
		t.Errorf("limitMemory with GOMEMLIMIT set returned a func, want nil: the user's limit stands")
	}
	if f := limitMemory(func(string) string { return "" }); f == nil {
		t.Errorf("limitMemory without GOMEMLIMIT returned nil, want a func")
	}
}
