// Simple case mappings where the full ones differ: İ lowers to i, Greek
// ypogegrammeni letters upper, digraphs have a title case; EqualFold.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Title("ǅungla ǆx ǉubljana ǳ hello"))
	fmt.Println(strings.ToLower("İstanbul"), strings.ToUpper("ᾳ ᾀ ῃ ῳ ß ǅ"), strings.ToLower("ǅ ᾈ"))
	fmt.Println(strings.EqualFold("İ", "i"), strings.EqualFold("ǅ", "ǆ"), strings.EqualFold("ı", "I"), strings.EqualFold("İ", "İ"), strings.EqualFold("ſ", "S"))
}
