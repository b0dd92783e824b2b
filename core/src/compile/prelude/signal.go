// signal.NotifyContext, after Go 1.27's src/os/signal/signal.go.
package main

func signalꞏNotifyContext(parent contextꞏContext, signals ...os.Signal) (ctx contextꞏContext, stop contextꞏCancelFunc) {
	ctx, cancel := contextꞏWithCancelCause(parent)
	c := &signalꞏsignalCtx{
		contextꞏContext: ctx,
		cancel:          cancel,
		signals:         signals,
	}
	c.ch = make(chan os.Signal, 1)
	signal.Notify(c.ch, c.signals...)
	if ctx.Err() == nil {
		go func() {
			select {
			case s := <-c.ch:
				c.cancel(signalꞏsignalError(s.String() + " signal received"))
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalꞏsignalCtx struct {
	contextꞏContext

	cancel  contextꞏCancelCauseFunc
	signals []os.Signal
	ch      chan os.Signal
}

func (c *signalꞏsignalCtx) stop() {
	c.cancel(nil)
	signal.Stop(c.ch)
}

func (c *signalꞏsignalCtx) String() string {
	var buf []byte
	name := c.contextꞏContext.(interface{ String() string }).String()
	name = name[:len(name)-len(".WithCancel")]
	buf = append(buf, "signal.NotifyContext("+name...)
	if len(c.signals) != 0 {
		buf = append(buf, ", ["...)
		for i, s := range c.signals {
			buf = append(buf, s.String()...)
			if i != len(c.signals)-1 {
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, ']')
	}
	buf = append(buf, ')')
	return string(buf)
}

type signalꞏsignalError string

func (s signalꞏsignalError) Error() string {
	return string(s)
}

func (s signalꞏsignalError) Is(target error) bool {
	if target == contextꞏCanceled {
		return true
	}
	return false
}
