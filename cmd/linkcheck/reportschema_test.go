package main

import (
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/schematest"
)

// matchReportSchema fails the test when data, the JSON run named what, is
// not a document of the schema published in docs/schema: the CLI runs of
// these tests write the values production writes, which hand-made goldens
// may miss.
func matchReportSchema(t *testing.T, what string, data []byte) {
	t.Helper()
	if err := schematest.Load(t, "docs/schema/report-v1.schema.json").Validate(data); err != nil {
		t.Errorf("%s does not match docs/schema/report-v1.schema.json: %v", what, err)
	}
}
