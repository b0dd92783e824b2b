/* Dining philosophers, deadlock-free: the Promela twin of
 * bench/philosophers_ordered.go. As philosophers.pml, but every philosopher
 * takes the lower-numbered of its two forks first, so SPIN's safety search
 * explores the whole state space and finds no invalid end state.
 * N defaults to 3; choose with `spin -DN=4 -a philosophers_ordered.pml`. */
#ifndef N
#define N 3
#endif
#ifndef MEALS
#define MEALS 2 /* Meals in the Go program */
#endif

bit fork[N];          /* 1 = taken: a sync.Mutex */
byte eaten[N];

inline lock(f)   { atomic { fork[f] == 0 -> fork[f] = 1 } }
inline unlock(f) { fork[f] = 0 }

proctype Philosopher(byte id; byte first; byte second)
{
	byte m = 0;
	do
	:: m < MEALS ->
		lock(first);
		lock(second);
		eaten[id]++;
		unlock(second);
		unlock(first);
		m++
	:: else -> break
	od
}

init {
	byte i = 0;
	atomic {
		do
		:: i < N - 1 -> run Philosopher(i, i, i + 1); i++
		:: else -> break
		od;
		run Philosopher(N - 1, 0, N - 1)  /* lower fork first */
	}
	_nr_pr == 1
}
