package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// ParseAge parses how old something may get, as people state it: days
// ("730d"), weeks ("104w") or a Go duration ("17520h"). A bare number is
// days. Ages are never negative.
func ParseAge(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	unit := time.Duration(0)
	switch {
	case strings.HasSuffix(t, "d"):
		unit, t = 24*time.Hour, strings.TrimSuffix(t, "d")
	case strings.HasSuffix(t, "w"):
		unit, t = 7*24*time.Hour, strings.TrimSuffix(t, "w")
	case t != "" && strings.Trim(t, "0123456789") == "":
		unit = 24 * time.Hour
	}
	if unit != 0 {
		n, err := strconv.ParseUint(strings.TrimSpace(t), 10, 32)
		if err == nil && time.Duration(n) < 1<<62/unit {
			return time.Duration(n) * unit, nil
		}
	} else if d, err := time.ParseDuration(t); err == nil && d >= 0 {
		return d, nil
	}
	return 0, fmt.Errorf("invalid age %q: want days (\"730d\"), weeks (\"104w\") or a duration (\"17520h\")", s)
}

// FormatAge writes an age as ParseAge reads it and as people state it: whole
// days in days ("730d", "0d"), anything else as a Go duration ("36h"), so
// that a message echoes "stale_after 0d" rather than Go's "0s".
func FormatAge(d time.Duration) string {
	const day = 24 * time.Hour
	if d%day == 0 {
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	return d.String()
}

// age decodes an age setting (see ParseAge).
func (d *decoder) age(name string, v *yaml.Node) time.Duration {
	if v.Kind == yaml.ScalarNode {
		if a, err := ParseAge(v.Value); err == nil {
			return a
		}
	}
	d.bad(v, "%s must be an age such as \"730d\", \"104w\" or \"17520h\"", name)
	return 0
}
