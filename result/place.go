package result

// Place is where the catalog writes what r is about, for annotations and
// alerts: the line and column of its target's value, or the entry's line
// (column 0) for a run saved before targets were located; 0, 0 when r
// names neither.
func (r Result) Place() (line, column int) {
	if r.TargetLine > 0 {
		return r.TargetLine, r.TargetColumn
	}
	return r.Line, 0
}
