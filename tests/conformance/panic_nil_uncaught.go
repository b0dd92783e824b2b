// An unrecovered panic(nil) dies of a *runtime.PanicNilError (Go 1.21+).
package main

func main() {
	panic(nil)
}
