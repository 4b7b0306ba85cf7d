package fakeweb

import "net/http"

type closingKey struct{}

// closed returns a channel closed when the web shuts down, so that
// handlers which wait (Hang, Latency) never outlive it.
func closed(r *http.Request) <-chan struct{} {
	ch, _ := r.Context().Value(closingKey{}).(chan struct{})
	return ch
}

// recorder notes the status code and body size a handler wrote.
type recorder struct {
	http.ResponseWriter
	code  int
	n     int64
	wrote bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(p)
	r.n += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach Flush and Hijack.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
