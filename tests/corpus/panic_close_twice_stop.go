// Bug (Kubernetes-style): Stop closes the stop channel; a second Stop (from
// a deferred cleanup and an error path) closes it again and panics.
package main

import (
	"errors"
	"fmt"
)

type Controller struct {
	stopCh chan struct{}
}

func (c *Controller) Stop() {
	fmt.Println("stopping")
	close(c.stopCh)
}

func (c *Controller) Run() error {
	defer c.Stop()
	if err := c.sync(); err != nil {
		c.Stop()
		return err
	}
	return nil
}

func (c *Controller) sync() error { return errors.New("sync failed") }

func main() {
	c := &Controller{stopCh: make(chan struct{})}
	fmt.Println(c.Run())
}
