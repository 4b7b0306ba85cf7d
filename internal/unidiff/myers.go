// Package unidiff writes unified diffs ("diff -u", "git diff") of two
// texts, line by line, for showing a reviewer what an edit changes.
package unidiff

// opKind is one step of an edit script.
type opKind byte

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// op is a run of one kind: lines a[i:i+n] (equal, delete) or b[j:j+n]
// (insert), with i and j the positions in both texts where it starts.
type op struct {
	kind opKind
	i, j int
	n    int
}

// script returns a shortest edit script from a to b (Myers' O(ND)
// algorithm), with common prefix and suffix stripped first. Edits to a
// large file are few, so D is small and so is the trace kept for
// backtracking: one slice of 2d+1 entries per step d.
func script(a, b []int) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	add := func(k opKind, i, j int) {
		if last := len(ops) - 1; last >= 0 && ops[last].kind == k {
			ops[last].n++
			return
		}
		ops = append(ops, op{kind: k, i: i, j: j, n: 1})
	}
	for x := 0; x < pre; x++ {
		add(opEqual, x, x)
	}
	mid := middle(a[pre:len(a)-suf], b[pre:len(b)-suf])
	for _, m := range mid {
		add(m.kind, m.i+pre, m.j+pre)
	}
	for x := 0; x < suf; x++ {
		add(opEqual, len(a)-suf+x, len(b)-suf+x)
	}
	return ops
}

// middle is Myers' greedy forward search with a backtracking trace; it
// returns single-line steps in order. A move past the end of either text
// is marked unreachable (-1), so that the choice between coming down or
// coming right always picks a real path.
func middle(a, b []int) []op {
	n, m := len(a), len(b)
	if n+m == 0 {
		return nil
	}
	// trace[d][k+d] is the furthest x reached on diagonal k after d edits.
	var trace [][]int
	for d := 0; ; d++ {
		next := make([]int, 2*d+1)
		for k := -d; k <= d; k += 2 {
			x := -1
			if d == 0 {
				x = 0
			} else if down(trace[d-1], d, k) {
				x = at(trace[d-1], d-1, k+1)
			} else if px := at(trace[d-1], d-1, k-1); px >= 0 {
				x = px + 1
			}
			y := x - k
			if x < 0 || x > n || y < 0 || y > m {
				next[k+d] = -1
				continue
			}
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			next[k+d] = x
		}
		trace = append(trace, next)
		if k := n - m; k >= -d && k <= d && (k+d)%2 == 0 && next[k+d] == n {
			return backtrack(trace, n, m)
		}
	}
}

// at returns the furthest x on diagonal k after step d, -1 if none.
func at(v []int, d, k int) int {
	if k < -d || k > d {
		return -1
	}
	return v[k+d]
}

// down reports whether diagonal k at step d is best reached from k+1 (an
// insertion) rather than from k-1 (a deletion), given the previous step.
func down(prev []int, d, k int) bool {
	return k == -d || (k != d && at(prev, d-1, k-1) < at(prev, d-1, k+1))
}

// backtrack walks the trace from (n, m) back to (0, 0).
func backtrack(trace [][]int, n, m int) []op {
	var rev []op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		k := x - y
		var px, py, midX, midY int
		if down(trace[d-1], d, k) {
			px = at(trace[d-1], d-1, k+1)
			py = px - (k + 1)
			midX, midY = px, py+1
		} else {
			px = at(trace[d-1], d-1, k-1)
			py = px - (k - 1)
			midX, midY = px+1, py
		}
		for x > midX && y > midY {
			x, y = x-1, y-1
			rev = append(rev, op{kind: opEqual, i: x, j: y, n: 1})
		}
		if midX == px {
			rev = append(rev, op{kind: opInsert, i: px, j: py, n: 1})
		} else {
			rev = append(rev, op{kind: opDelete, i: px, j: py, n: 1})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, op{kind: opEqual, i: x, j: y, n: 1})
	}
	out := make([]op, len(rev))
	for i, o := range rev {
		out[len(rev)-1-i] = o
	}
	return out
}
