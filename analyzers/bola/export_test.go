package bola

// Validate checks the current settings (for tests).
func Validate() error { return settings.validate() }
