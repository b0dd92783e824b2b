package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q %v\n", strings.SplitN("a,b", ",", 0), strings.SplitN("a,b", ",", 0) == nil)
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.Fields(" \t foo bar\n baz  "))
	fmt.Println(strings.Join([]string{"a", "b", "c"}, ", "), strings.Repeat("-", 5))
	fmt.Println(strings.Contains("seafood", "foo"), strings.ContainsRune("abc", 'b'), strings.ContainsAny("hi", "xyz"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Index("chicken", "dmr"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.IndexAny("golang", "ny"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink", "", "-", -1), strings.ReplaceAll("aaa", "a", "bb"))
	fmt.Println(strings.ToUpper("Gopher ÿ"), strings.ToLower("GOPHER Ä"), strings.Title("hello wide world"))
	fmt.Printf("%q %q %q\n", strings.TrimSpace(" \t\n x y \n"), strings.Trim("¡¡¡Hello, Gophers!!!", "!¡"), strings.TrimLeft("xxhixx", "x"))
	fmt.Println(strings.TrimRight("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.EqualFold("Go", "GO"), strings.Compare("a", "b"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	rest, ok := strings.CutPrefix("v1.2", "v")
	fmt.Println(rest, ok)
	defer func() { fmt.Println("recovered:", recover()) }()
	strings.Repeat("x", -1)
}
