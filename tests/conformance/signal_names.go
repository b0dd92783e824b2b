package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	var s os.Signal = syscall.SIGTERM
	fmt.Println(s, os.Interrupt, syscall.SIGINT, syscall.SIGKILL)
	fmt.Println(s.String(), s == os.Interrupt)
	fmt.Printf("%v %d %T\n", os.Interrupt, syscall.SIGTERM, os.Interrupt)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	signal.Stop(c)
	signal.Ignore(syscall.SIGHUP)
	signal.Reset()
	fmt.Println("registered and stopped")
}
