// Package-level names may be used before they are declared: a constant
// as an array length in a type declared above it, a type used by that
// constant, an alias named before its declaration.
package main

import "fmt"

type grid [N][N]cell

type cell [width]byte

type row [len(proto{})]string

type proto [K * 2]int

type small [limit]int8

type counts [numKinds]int

type pair = [2]big

type big [bigLen]uint16

const N = 4

const width = 3

const limit T = 2

type T int

const (
	kindA = iota
	kindB
	kindC
	numKinds
)

const (
	K      = iota + 1
	bigLen = K + 1
)

func main() {
	var g grid
	g[N-1][N-1][width-1] = 'x'
	var r row
	var s small
	var c counts
	c[kindC]++
	var p pair
	p[1][bigLen-1] = 7
	fmt.Println(len(g), len(g[0]), len(g[0][0]), g[N-1][N-1])
	fmt.Println(len(r), len(s), len(c), c, p)
	fmt.Printf("%T %T %T\n", g, s, p)
}
