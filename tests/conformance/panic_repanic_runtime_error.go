// panic(recover()) of a run-time panic prints once, [recovered, repanicked].
package main

func main() {
	defer func() { panic(recover()) }()
	a := []int{}
	i := 1
	_ = a[i]
}
