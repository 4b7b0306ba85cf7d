package fakeclock

import (
	"testing"
	"time"
)

func TestAfterJumps(t *testing.T) {
	c := New()
	start := c.Now()
	got := <-c.After(3 * time.Second)
	if want := start.Add(3 * time.Second); !got.Equal(want) || !c.Now().Equal(want) {
		t.Errorf("After(3s) gave %v and Now %v, want both %v", got, c.Now(), want)
	}
	<-c.After(0)
	if !c.Now().Equal(start.Add(3 * time.Second)) {
		t.Errorf("After(0) moved the clock to %v", c.Now())
	}
}
