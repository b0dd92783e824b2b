package main

import "fmt"

// Fluent builders: methods on pointers returning the receiver, errors
// accumulated and reported at Build.
type Request struct {
	Method  string
	URL     string
	Headers map[string]string
	Retries int
}

type Builder struct {
	req  Request
	errs []error
}

func NewRequest(method string) *Builder {
	return &Builder{req: Request{Method: method, Headers: map[string]string{}}}
}

func (b *Builder) URL(u string) *Builder {
	if u == "" {
		b.errs = append(b.errs, fmt.Errorf("empty url"))
	}
	b.req.URL = u
	return b
}

func (b *Builder) Header(k, v string) *Builder {
	b.req.Headers[k] = v
	return b
}

func (b *Builder) Retries(n int) *Builder {
	if n < 0 {
		b.errs = append(b.errs, fmt.Errorf("negative retries %d", n))
		return b
	}
	b.req.Retries = n
	return b
}

func (b *Builder) Build() (Request, error) {
	if len(b.errs) > 0 {
		return Request{}, fmt.Errorf("%d errors, first: %w", len(b.errs), b.errs[0])
	}
	return b.req, nil
}

func main() {
	r, err := NewRequest("GET").URL("http://svc/health").Header("Accept", "json").Retries(2).Build()
	fmt.Printf("%+v %v\n", r, err)
	_, err = NewRequest("POST").URL("").Retries(-1).Build()
	fmt.Println(err)
	p := &Request{Method: "PUT"}
	fmt.Println(p)
	fmt.Printf("%v %+v\n", p, p)
}
