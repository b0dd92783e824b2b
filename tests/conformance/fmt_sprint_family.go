package main

import "fmt"

func main() {
	s := fmt.Sprintf("%d-%s-%v", 1, "two", 3.0)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, true))
	fmt.Println(fmt.Sprint(1, 2, 3))
	fmt.Print(fmt.Sprintln("x", 1, true))
	fmt.Print("no", "space", 1, 2, "\n")
	fmt.Print(1, 2, "\n")
	err := fmt.Errorf("open %s: code %d", "file.txt", 3)
	fmt.Println(err)
	fmt.Println(err.Error() == "open file.txt: code 3")
	e2 := fmt.Errorf("outer: %w", err)
	fmt.Println(e2)
	fmt.Printf("%v|%s\n", err, err)
	n, _ := fmt.Println("counted")
	fmt.Println(n)
}
