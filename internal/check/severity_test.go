package check

import "testing"

func TestSeverityThreshold(t *testing.T) {
	cases := []struct {
		sev, threshold Severity
		want           bool
	}{
		{Error, Note, true}, {Warning, Note, true}, {Note, Note, true},
		{Error, Warning, true}, {Warning, Warning, true}, {Note, Warning, false},
		{Error, Error, true}, {Warning, Error, false}, {Note, Error, false},
		{Note, "", false}, {Warning, "", true}, // "" is DefaultThreshold
	}
	for _, c := range cases {
		if got := c.sev.AtLeast(c.threshold); got != c.want {
			t.Errorf("%s.AtLeast(%q) = %v, want %v", c.sev, c.threshold, got, c.want)
		}
	}
	for in, want := range map[string]Severity{"": Warning, "note": Note, " ERROR ": Error, "warning": Warning} {
		if got, err := ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseSeverity("info"); err == nil {
		t.Error(`ParseSeverity("info"): no error`)
	}
}
