// panic(recover()) of a failed type assertion: [recovered, repanicked].
package main

func main() {
	defer func() { panic(recover()) }()
	var x any = "s"
	_ = x.(int)
}
