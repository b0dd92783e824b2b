// Package context, after Go 1.27's src/context/context.go: the same types,
// locking and cancellation order. Done channels are made eagerly (Go makes
// them on first use; nothing a program can observe differs).
package main

type contextꞏContext interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

type contextꞏCancelFunc func()

type contextꞏCancelCauseFunc func(cause error)

var contextꞏCanceled = errors.New("context canceled")

var contextꞏDeadlineExceeded error = contextꞏdeadlineExceededError{}

type contextꞏdeadlineExceededError struct{}

func (contextꞏdeadlineExceededError) Error() string   { return "context deadline exceeded" }
func (contextꞏdeadlineExceededError) Timeout() bool   { return true }
func (contextꞏdeadlineExceededError) Temporary() bool { return true }

type contextꞏemptyCtx struct{}

func (contextꞏemptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (contextꞏemptyCtx) Done() <-chan struct{}                   { return nil }
func (contextꞏemptyCtx) Err() error                              { return nil }
func (contextꞏemptyCtx) Value(key any) any                       { return nil }

type contextꞏbackgroundCtx struct{ contextꞏemptyCtx }

func (contextꞏbackgroundCtx) String() string { return "context.Background" }

type contextꞏtodoCtx struct{ contextꞏemptyCtx }

func (contextꞏtodoCtx) String() string { return "context.TODO" }

func contextꞏBackground() contextꞏContext { return contextꞏbackgroundCtx{} }

func contextꞏTODO() contextꞏContext { return contextꞏtodoCtx{} }

// A context that can be canceled directly.
type contextꞏcanceler interface {
	cancel(removeFromParent bool, err, cause error)
	Done() <-chan struct{}
}

var contextꞏcancelCtxKey int

type contextꞏcancelCtx struct {
	contextꞏContext

	mu       sync.Mutex
	done     chan struct{}
	children map[contextꞏcanceler]struct{}
	err      error
	cause    error
}

func (c *contextꞏcancelCtx) Value(key any) any {
	if key == &contextꞏcancelCtxKey {
		return c
	}
	return c.contextꞏContext.Value(key)
}

func (c *contextꞏcancelCtx) Done() <-chan struct{} { return c.done }

func (c *contextꞏcancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *contextꞏcancelCtx) String() string {
	return contextꞏcontextName(c.contextꞏContext) + ".WithCancel"
}

func contextꞏcontextName(c contextꞏContext) string {
	if s, ok := c.(interface{ String() string }); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", c)
}

func contextꞏstringify(v any) string {
	switch s := v.(type) {
	case interface{ String() string }:
		return s.String()
	case string:
		return s
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%T", v)
}

// propagateCancel arranges for child to be canceled when parent is.
func (c *contextꞏcancelCtx) propagateCancel(parent contextꞏContext, child contextꞏcanceler) {
	c.contextꞏContext = parent
	done := parent.Done()
	if done == nil {
		return
	}
	select {
	case <-done:
		child.cancel(false, parent.Err(), contextꞏCause(parent))
		return
	default:
	}
	if p, ok := contextꞏparentCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			p.mu.Unlock()
			child.cancel(false, p.err, p.cause)
		} else {
			if p.children == nil {
				p.children = make(map[contextꞏcanceler]struct{})
			}
			p.children[child] = struct{}{}
			p.mu.Unlock()
		}
		return
	}
	go func() {
		select {
		case <-parent.Done():
			child.cancel(false, parent.Err(), contextꞏCause(parent))
		case <-child.Done():
		}
	}()
}

func contextꞏparentCancelCtx(parent contextꞏContext) (*contextꞏcancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(&contextꞏcancelCtxKey).(*contextꞏcancelCtx)
	if !ok {
		return nil, false
	}
	if (<-chan struct{})(p.done) != done {
		return nil, false
	}
	return p, true
}

func contextꞏremoveChild(parent contextꞏContext, child contextꞏcanceler) {
	p, ok := contextꞏparentCancelCtx(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.children != nil {
		delete(p.children, child)
	}
	p.mu.Unlock()
}

func (c *contextꞏcancelCtx) cancel(removeFromParent bool, err, cause error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	c.cause = cause
	close(c.done)
	for child := range c.children {
		child.cancel(false, err, cause)
	}
	c.children = nil
	c.mu.Unlock()
	if removeFromParent {
		contextꞏremoveChild(c.contextꞏContext, c)
	}
}

func contextꞏwithCancel(parent contextꞏContext) *contextꞏcancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &contextꞏcancelCtx{done: make(chan struct{})}
	c.propagateCancel(parent, c)
	return c
}

func contextꞏWithCancel(parent contextꞏContext) (ctx contextꞏContext, cancel contextꞏCancelFunc) {
	c := contextꞏwithCancel(parent)
	return c, func() { c.cancel(true, contextꞏCanceled, nil) }
}

func contextꞏWithCancelCause(parent contextꞏContext) (ctx contextꞏContext, cancel contextꞏCancelCauseFunc) {
	c := contextꞏwithCancel(parent)
	return c, func(cause error) { c.cancel(true, contextꞏCanceled, cause) }
}

func contextꞏCause(c contextꞏContext) error {
	if cc, ok := c.Value(&contextꞏcancelCtxKey).(*contextꞏcancelCtx); ok {
		cc.mu.Lock()
		defer cc.mu.Unlock()
		return cc.cause
	}
	return c.Err()
}

type contextꞏtimerCtx struct {
	contextꞏcancelCtx
	timer    *time.Timer
	deadline time.Time
}

func (c *contextꞏtimerCtx) Deadline() (deadline time.Time, ok bool) {
	return c.deadline, true
}

func (c *contextꞏtimerCtx) String() string {
	return contextꞏcontextName(c.contextꞏcancelCtx.contextꞏContext) + ".WithDeadline(" +
		c.deadline.String() + " [" + time.Until(c.deadline).String() + "])"
}

func (c *contextꞏtimerCtx) cancel(removeFromParent bool, err, cause error) {
	c.contextꞏcancelCtx.cancel(false, err, cause)
	if removeFromParent {
		contextꞏremoveChild(c.contextꞏcancelCtx.contextꞏContext, c)
	}
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
}

func contextꞏWithDeadline(parent contextꞏContext, d time.Time) (contextꞏContext, contextꞏCancelFunc) {
	return contextꞏWithDeadlineCause(parent, d, nil)
}

func contextꞏWithDeadlineCause(parent contextꞏContext, d time.Time, cause error) (contextꞏContext, contextꞏCancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return contextꞏWithCancel(parent)
	}
	c := &contextꞏtimerCtx{deadline: d}
	c.done = make(chan struct{})
	c.propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, contextꞏDeadlineExceeded, cause)
		return c, func() { c.cancel(false, contextꞏCanceled, nil) }
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, contextꞏDeadlineExceeded, cause)
		})
	}
	return c, func() { c.cancel(true, contextꞏCanceled, nil) }
}

func contextꞏWithTimeout(parent contextꞏContext, timeout time.Duration) (contextꞏContext, contextꞏCancelFunc) {
	return contextꞏWithDeadline(parent, time.Now().Add(timeout))
}

func contextꞏWithTimeoutCause(parent contextꞏContext, timeout time.Duration, cause error) (contextꞏContext, contextꞏCancelFunc) {
	return contextꞏWithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

type contextꞏafterFuncCtx struct {
	contextꞏcancelCtx
	fmu sync.Mutex
	ran bool
	f   func()
}

func (a *contextꞏafterFuncCtx) cancel(removeFromParent bool, err, cause error) {
	a.contextꞏcancelCtx.cancel(false, err, cause)
	if removeFromParent {
		contextꞏremoveChild(a.contextꞏContext, a)
	}
	a.fmu.Lock()
	run := !a.ran
	a.ran = true
	a.fmu.Unlock()
	if run {
		go a.f()
	}
}

func contextꞏAfterFunc(ctx contextꞏContext, f func()) (stop func() bool) {
	a := &contextꞏafterFuncCtx{f: f}
	a.done = make(chan struct{})
	a.propagateCancel(ctx, a)
	return func() bool {
		a.fmu.Lock()
		stopped := !a.ran
		a.ran = true
		a.fmu.Unlock()
		if stopped {
			a.cancel(true, contextꞏCanceled, nil)
		}
		return stopped
	}
}

type contextꞏwithoutCancelCtx struct {
	c contextꞏContext
}

func (contextꞏwithoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }
func (contextꞏwithoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (contextꞏwithoutCancelCtx) Err() error                              { return nil }

func (c contextꞏwithoutCancelCtx) Value(key any) any {
	if key == &contextꞏcancelCtxKey {
		return nil
	}
	return c.c.Value(key)
}

func (c contextꞏwithoutCancelCtx) String() string {
	return contextꞏcontextName(c.c) + ".WithoutCancel"
}

func contextꞏWithoutCancel(parent contextꞏContext) contextꞏContext {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return contextꞏwithoutCancelCtx{parent}
}

type contextꞏvalueCtx struct {
	contextꞏContext
	key, val any
}

func contextꞏWithValue(parent contextꞏContext, key, val any) contextꞏContext {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &contextꞏvalueCtx{parent, key, val}
}

func (c *contextꞏvalueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.contextꞏContext.Value(key)
}

func (c *contextꞏvalueCtx) String() string {
	return contextꞏcontextName(c.contextꞏContext) + ".WithValue(" +
		contextꞏstringify(c.key) + ", " + contextꞏstringify(c.val) + ")"
}
