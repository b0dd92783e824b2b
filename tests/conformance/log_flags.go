package main

import (
	"fmt"
	"log"
)

// Log lines go to stderr; with flags 0 they carry no timestamp, so the
// golden's first stderr line is exact.
func main() {
	fmt.Println(log.Flags() == log.LstdFlags, log.Ldate, log.Ltime, log.Lmicroseconds, log.Lshortfile, log.LUTC, log.Lmsgprefix)
	log.SetFlags(0)
	log.SetPrefix("app: ")
	fmt.Println(log.Flags(), log.Prefix())
	log.Printf("started %d workers", 3)
	fmt.Println("after log")
	log.Fatalf("fatal: %s", "boom")
	fmt.Println("unreachable")
}
