// Command unitchecker is x/tools' unitchecker driving the pprof check: the
// control for TestInterfaceWithUnexportedMethodAcrossPackages, showing the
// false type error that internal/vettool exists to avoid.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/apivet/apivet/analyzers/pprof"
)

func main() { unitchecker.Main(pprof.Analyzer) }
