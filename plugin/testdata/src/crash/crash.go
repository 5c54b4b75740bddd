package crash // want `internal error, this package was not fully analyzed: boom; please report it`

func F() {}
