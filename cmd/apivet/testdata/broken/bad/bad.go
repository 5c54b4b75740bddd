package bad

func Broken() int {
	return "not an int"
}
