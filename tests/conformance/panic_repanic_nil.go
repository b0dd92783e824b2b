// panic(recover()) of panic(nil): [recovered, repanicked].
package main

func main() {
	defer func() { panic(recover()) }()
	panic(nil)
}
