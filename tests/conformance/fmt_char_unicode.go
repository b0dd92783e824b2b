package main

import "fmt"

func main() {
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%c %c\n", 0x4E16, 233)
	fmt.Printf("%U %U %#U\n", 'A', 0x1F600, 'ä')
	fmt.Printf("%q %+q\n", "héllo", "héllo")
	fmt.Printf("%d %v\n", 'A', 'A')
	fmt.Printf("%x %X\n", "é", "日本")
	fmt.Printf("%s\n", string(rune(0x65E5)))
}
