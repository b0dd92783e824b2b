package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	defer func() {
		r := recover()
		fmt.Printf("recovered %q\n", r)
		log.Panicln("second", 2)
	}()
	log.Panic("first ", 1)
}
