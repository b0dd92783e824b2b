// Bug: values are stored as *Session but read back with a type assertion
// to Session; the single-result assertion panics.
package main

import (
	"fmt"
	"sync"
)

type Session struct {
	User string
}

type SessionStore struct {
	m sync.Map
}

func (s *SessionStore) Save(id string, sess *Session) { s.m.Store(id, sess) }

func (s *SessionStore) User(id string) string {
	v, ok := s.m.Load(id)
	if !ok {
		return ""
	}
	return v.(Session).User
}

func main() {
	st := &SessionStore{}
	st.Save("abc", &Session{User: "alice"})
	fmt.Println("saved")
	fmt.Println(st.User("missing") == "")
	fmt.Println(st.User("abc"))
}
