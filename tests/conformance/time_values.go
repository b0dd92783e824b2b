package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Unix(1700000000, 123456789)
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli())
	fmt.Println(t.UTC().Format(time.RFC3339), t.UTC().Format(time.RFC3339Nano))
	u := t.UTC()
	fmt.Println(u.Format("2006-01-02 15:04:05.000"), u.Format(time.Kitchen), u.Format("Mon Jan _2 2006"), u.Format(time.DateOnly))
	fmt.Println(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), u.Weekday(), u.YearDay())
	v := u.Add(90 * time.Minute)
	fmt.Println(v.Sub(u), v.After(u), v.Before(u), u.Equal(u), v.Compare(u))
	fmt.Println(u.Truncate(time.Hour).Format(time.TimeOnly), u.Round(time.Hour).Format(time.TimeOnly))
	var z time.Time
	fmt.Println(z.IsZero(), u.IsZero(), z)
	fmt.Println(time.January, time.December, time.Saturday, time.Month(13))

	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 50*time.Millisecond, el < 5*time.Second, time.Until(start) < 0)
}
