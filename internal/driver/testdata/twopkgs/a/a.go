package a

// Load reads a record.
func Load(id string) string { return "record " + id }
