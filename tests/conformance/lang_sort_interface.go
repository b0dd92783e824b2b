package main

import (
	"fmt"
	"sort"
)

// sort.Sort through a user type implementing sort.Interface, and
// sort.Slice / sort.SliceStable with closures.
type Person struct {
	Name string
	Age  int
}

type byAge []Person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].Age < a[j].Age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func main() {
	people := []Person{{"ann", 30}, {"bob", 25}, {"cy", 35}, {"dee", 25}}
	sort.Sort(byAge(people))
	fmt.Println(people[0].Age, people[3])
	sort.SliceStable(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	fmt.Println(people)
	sort.Sort(sort.Reverse(sort.IntSlice([]int{})))
	xs := []int{3, 1, 2}
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs, sort.IsSorted(byAge(people)))
}
