package greet

func Other() { println("other") }
