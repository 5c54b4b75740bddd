package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// run is one line of lspbench's output.
type run struct {
	Cold     float64   `json:"cold_ms"`
	Warm     []float64 `json:"warm_ms"`
	Findings int       `json:"findings"`
}

// summarize prints the medians of the runs in file a and, if b is given
// (runs interleaved with a's: a b a b …), of b's and the median of the
// pairwise ratios a/b — pairs keep the ratio meaningful on a machine whose
// speed drifts.
func summarize(a, b string) error {
	ra, err := readRuns(a)
	if err != nil {
		return err
	}
	fmt.Printf("%-8s %5s %12s %12s %9s\n", "", "runs", "cold ms", "warm ms", "findings")
	row := func(name string, rs []run) {
		var cold, warm []float64
		for _, r := range rs {
			cold, warm = append(cold, r.Cold), append(warm, median(r.Warm))
		}
		fmt.Printf("%-8s %5d %12.0f %12.0f %9d\n", name, len(rs), median(cold), median(warm), rs[len(rs)-1].Findings)
	}
	row("new", ra)
	if b == "" {
		return nil
	}
	rb, err := readRuns(b)
	if err != nil {
		return err
	}
	row("before", rb)
	var cold, warm []float64
	for i := 0; i < len(ra) && i < len(rb); i++ {
		cold = append(cold, ra[i].Cold/rb[i].Cold)
		warm = append(warm, median(ra[i].Warm)/median(rb[i].Warm))
	}
	fmt.Printf("new/before, median of %d pairs: cold %.2fx, warm %.2fx\n", len(cold), median(cold), median(warm))
	return nil
}

func readRuns(name string) ([]run, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []run
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r run
		if json.Unmarshal(sc.Bytes(), &r) == nil && len(r.Warm) > 0 {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no runs", name)
	}
	return out, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
