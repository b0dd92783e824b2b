package main

import "fmt"

// range over a slice of structs yields copies: calling a pointer method on
// the loop variable changes the copy, indexing changes the element.
type Player struct {
	Name  string
	Score int
}

func (p *Player) Add(n int) { p.Score += n }

func main() {
	team := []Player{{"ann", 1}, {"bob", 2}}
	for _, p := range team {
		p.Add(10)
	}
	fmt.Println(team)
	for i := range team {
		team[i].Add(100)
	}
	fmt.Println(team)
	ptrs := []*Player{{"cy", 0}}
	for _, p := range ptrs {
		p.Add(5)
	}
	fmt.Println(*ptrs[0])
	byName := map[string]*Player{"dee": {"dee", 1}}
	byName["dee"].Add(1)
	fmt.Println(byName["dee"].Score)
	arr := [2]Player{{"e", 0}, {"f", 0}}
	arr[1].Add(3)
	for i, p := range arr {
		arr[i].Score = -1
		fmt.Println(p.Name, p.Score)
	}
	fmt.Println(arr)
}
