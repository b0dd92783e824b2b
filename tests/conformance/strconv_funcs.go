package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-42), strconv.FormatInt(-255, 16), strconv.FormatInt(5, 2), strconv.FormatUint(1<<63, 36), strconv.FormatBool(true))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.1, 'e', -1, 32), strconv.FormatFloat(2.5, 'f', -1, 64))
	fmt.Println(strconv.Quote("tab\there \"q\" é\x01"), strconv.QuoteToASCII("é☺"), strconv.QuoteRune('☺'))
	for _, s := range []string{"42", "-17", "+5", "", "-", "12a", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1_000"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"0x_1F", 0, 64}, {"0b101", 0, 8}, {"0o17", 0, 64}, {"017", 0, 64}, {"128", 10, 8}, {"-129", 10, 8}, {"z", 36, 64}, {"1", 1, 64}, {"1", 10, 65}, {"1__0", 0, 64}} {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(n, err)
	}
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	for _, s := range []string{"3.25", "1e10", "-0.5", "inf", "-Inf", "NaN", "1e400", "0x1p-2", "1_000.5", "abc", ".5", "5."} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	for _, s := range []string{"true", "F", "1", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	for _, s := range []string{`"a\tb"`, "`raw`", `'x'`, `"bad`, `'xy'`, `"\u00e9"`} {
		v, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", v, err)
	}
	_, err = strconv.Atoi("x")
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err, ne.Err == strconv.ErrSyntax)
	}
	fmt.Printf("%v|%s|%T\n", err, err, err)
}
