/* Dining philosophers, deadlock-prone: the Promela twin of
 * bench/philosophers.go. N philosophers, N forks (one lock bit each); each
 * philosopher takes its left fork, then its right one, MEALS times. The
 * all-left-forks-taken state is an invalid end state that SPIN's safety
 * search reports as a deadlock.
 * N defaults to 3; choose with `spin -DN=4 -a philosophers.pml`. */
#ifndef N
#define N 3
#endif
#ifndef MEALS
#define MEALS 2 /* Meals in the Go program */
#endif

bit fork[N];          /* 1 = taken: a sync.Mutex */
byte eaten[N];

/* Mutex.Lock: wait until free, take it in one step. */
inline lock(f)   { atomic { fork[f] == 0 -> fork[f] = 1 } }
inline unlock(f) { fork[f] = 0 }

proctype Philosopher(byte id; byte left; byte right)
{
	byte m = 0;
	do
	:: m < MEALS ->
		lock(left);
		lock(right);
		eaten[id]++;
		unlock(right);
		unlock(left);
		m++
	:: else -> break
	od
}

/* main: start everyone, then wg.Wait (all philosophers have ended). */
init {
	byte i = 0;
	atomic {
		do
		:: i < N -> run Philosopher(i, i, (i + 1) % N); i++
		:: else -> break
		od
	}
	_nr_pr == 1
}
