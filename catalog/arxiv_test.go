package catalog

import (
	"strings"
	"testing"
)

func TestParseArxivID(t *testing.T) {
	tests := []struct {
		in   string
		want ArxivID
	}{
		// New style: 4-digit numbers until 1412, 5 from 1501.
		{"0704.0001", ArxivID{ID: "0704.0001"}},
		{"1412.9999", ArxivID{ID: "1412.9999"}},
		{"1501.00001", ArxivID{ID: "1501.00001"}},
		{"1706.03762", ArxivID{ID: "1706.03762"}},
		{"2310.06825", ArxivID{ID: "2310.06825"}},
		{"  1706.03762\n", ArxivID{ID: "1706.03762"}},
		// Versions, either case of v.
		{"1706.03762v5", ArxivID{ID: "1706.03762", Version: 5}},
		{"1706.03762V5", ArxivID{ID: "1706.03762", Version: 5}},
		{"1706.03762v12", ArxivID{ID: "1706.03762", Version: 12}},
		// arXiv: prefix, any case.
		{"arXiv:1706.03762", ArxivID{ID: "1706.03762"}},
		{"ARXIV:1706.03762v2", ArxivID{ID: "1706.03762", Version: 2}},
		{"arxiv:hep-th/9901001", ArxivID{ID: "hep-th/9901001"}},
		// Old style, with and without subject class.
		{"hep-th/9901001", ArxivID{ID: "hep-th/9901001"}},
		{"hep-th/9901001v3", ArxivID{ID: "hep-th/9901001", Version: 3}},
		{"math.GT/0309136", ArxivID{ID: "math/0309136"}},
		{"cs.AI/0101001", ArxivID{ID: "cs/0101001"}},
		{"cond-mat/9107001", ArxivID{ID: "cond-mat/9107001"}},
		{"HEP-TH/9901001", ArxivID{ID: "hep-th/9901001"}},
		{"math/0703999", ArxivID{ID: "math/0703999"}},
		// URL forms.
		{"https://arxiv.org/abs/1706.03762", ArxivID{ID: "1706.03762"}},
		{"https://arxiv.org/abs/1706.03762v5", ArxivID{ID: "1706.03762", Version: 5}},
		{"http://arxiv.org/abs/1706.03762", ArxivID{ID: "1706.03762"}},
		{"https://arxiv.org/pdf/1706.03762", ArxivID{ID: "1706.03762"}},
		{"https://arxiv.org/pdf/1706.03762v5.pdf", ArxivID{ID: "1706.03762", Version: 5}},
		{"https://arxiv.org/pdf/1706.03762.pdf", ArxivID{ID: "1706.03762"}},
		{"https://arxiv.org/html/2310.06825v1/", ArxivID{ID: "2310.06825", Version: 1}},
		{"https://arxiv.org/html/2310.06825v1#S3", ArxivID{ID: "2310.06825", Version: 1}},
		{"https://www.arxiv.org/abs/1706.03762", ArxivID{ID: "1706.03762"}},
		{"https://export.arxiv.org/abs/1706.03762", ArxivID{ID: "1706.03762"}},
		{"https://ArXiv.org/abs/1706.03762?context=cs", ArxivID{ID: "1706.03762"}},
		{"arxiv.org/abs/1706.03762", ArxivID{ID: "1706.03762"}},
		{"https://arxiv.org/abs/hep-th/9901001v2", ArxivID{ID: "hep-th/9901001", Version: 2}},
		{"https://arxiv.org/pdf/math.GT/0309136", ArxivID{ID: "math/0309136"}},
		{"https://arxiv.org/pdf/hep-th/9901001v2.pdf", ArxivID{ID: "hep-th/9901001", Version: 2}},
		{"http://export.arxiv.org/abs/hep-th/9901001", ArxivID{ID: "hep-th/9901001"}},
		// Host names without a scheme, as pasted from a browser's bar.
		{"www.arxiv.org/abs/1706.03762", ArxivID{ID: "1706.03762"}},
		{"export.arxiv.org/pdf/1706.03762v2", ArxivID{ID: "1706.03762", Version: 2}},
		{"ArXiv.org/pdf/1706.03762.pdf", ArxivID{ID: "1706.03762"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseArxivID(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseArxivID(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseArxivIDInvalid(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string // a distinctive part of the message
	}{
		{"", "empty arXiv ID"},
		{"   ", "empty arXiv ID"},
		{"1713.00001", "month 13 does not exist"},
		{"1700.00001", "month 00 does not exist"},
		{"0703.0001", "start in April 2007"},
		{"0612.1234", "start in April 2007"},
		{"1412.00001", "IDs before 2015 have a 4-digit number"},
		{"1501.0001", "IDs from 2015 on have a 5-digit number"},
		{"1706.00000", "number 0 does not exist"},
		{"1706.03762v0", "want YYMM.NNNNN"},
		{"1706.03762v", "want YYMM.NNNNN"},
		{"1706.03762v123456", "want YYMM.NNNNN"},
		{"1706.037621", "want YYMM.NNNNN"},
		{"hep-th/9013001", "month 13 does not exist"},
		{"hep-th/9106001", "old-style IDs run from 9107 to 0703"},
		{"hep-th/0704001", "old-style IDs run from 9107 to 0703"},
		{"hep-th/9901000", "number 0 does not exist"},
		{"hep-th/990100", "want YYMM.NNNNN"},
		{"attention is all you need", "want YYMM.NNNNN"},
		{"doi:10.1000/182", "want YYMM.NNNNN"},
		{"https://example.com/abs/1706.03762", "not an arxiv.org abs, pdf or html URL"},
		{"https://arxiv.org/list/cs.AI/recent", "not an arxiv.org abs, pdf or html URL"},
		{"https://arxiv.org/abs/", "not an arxiv.org abs, pdf or html URL"},
		{"ftp://arxiv.org/abs/1706.03762", "not an arxiv.org abs, pdf or html URL"},
		{"https://arxiv.org/abs/arxiv.org/abs/1706.03762", "not an arxiv.org abs, pdf or html URL"},
		{"https://arxiv.org/abs/1713.00001", "not an arxiv.org abs, pdf or html URL"},
		{"export.arxiv.org/list/cs.AI/recent", "not an arxiv.org abs, pdf or html URL"},
		{"https://notarxiv.org/abs/1706.03762", "not an arxiv.org abs, pdf or html URL"},
		{"arXiv:https://arxiv.org/abs/1706.03762", "not an arxiv.org abs, pdf or html URL"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseArxivID(tt.in)
			if err == nil {
				t.Fatalf("ParseArxivID(%q) = %+v, want error containing %q", tt.in, got, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseArxivID(%q) error = %q, want it to contain %q", tt.in, err, tt.wantErr)
			}
		})
	}
}

func TestArxivIDFromURL(t *testing.T) {
	tests := []struct {
		in     string
		want   ArxivID
		wantOK bool
	}{
		{"https://arxiv.org/abs/1706.03762v5", ArxivID{ID: "1706.03762", Version: 5}, true},
		{"http://export.arxiv.org/pdf/1706.03762", ArxivID{ID: "1706.03762"}, true},
		{"https://arxiv.org./abs/1706.03762", ArxivID{ID: "1706.03762"}, true},
		{"https://arxiv.org/", ArxivID{}, false},
		{"https://openreview.net/forum?id=abc", ArxivID{}, false},
		{"https://arxiv.org/abs/1706.03762/extra", ArxivID{}, false},
		{"1706.03762", ArxivID{}, false},
	}
	for _, tt := range tests {
		got, ok := ArxivIDFromURL(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ArxivIDFromURL(%q) = %+v, %v, want %+v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestArxivIDString(t *testing.T) {
	tests := []struct {
		in   ArxivID
		want string
	}{
		{ArxivID{ID: "1706.03762"}, "1706.03762"},
		{ArxivID{ID: "1706.03762", Version: 5}, "1706.03762v5"},
		{ArxivID{ID: "hep-th/9901001", Version: 1}, "hep-th/9901001v1"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.in, got, tt.want)
		}
	}
	if (ArxivID{}).IsZero() != true || (ArxivID{ID: "1706.03762"}).IsZero() {
		t.Error("IsZero is wrong")
	}
}

func FuzzParseArxivID(f *testing.F) {
	for _, s := range []string{
		"1706.03762", "1706.03762v5", "arXiv:1706.03762V2", "hep-th/9901001", "math.GT/0309136",
		"https://arxiv.org/pdf/1706.03762v5.pdf", "arxiv.org/abs/hep-th/9901001", "0704.0001", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArxivID(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseArxivID(%q) returned an empty error", s)
			}
			return
		}
		if a.IsZero() || a.Version < 0 {
			t.Fatalf("ParseArxivID(%q) = %+v without error", s, a)
		}
		b, err := ParseArxivID(a.String())
		if err != nil || b != a {
			t.Fatalf("ParseArxivID(%q) = %+v, but ParseArxivID(%q) = %+v, %v", s, a, a.String(), b, err)
		}
	})
}
