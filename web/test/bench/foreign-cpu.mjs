// CPU that other processes took during a measurement: the machine's busy
// time (/proc/stat) minus this process's and its descendants' (the
// browser's). On a machine others share, a timing means something only if
// that stayed near zero. Linux only; elsewhere `foreign` is null.
import fs from 'node:fs';

const HZ = 100; // USER_HZ, the unit of /proc's tick counts

function machineBusy() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
}

/** utime + stime of `root` and every process below it. */
function treeTicks(root) {
  const parent = new Map(), ticks = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch {
      // gone meanwhile
    }
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === root) {
        sum += t;
        break;
      }
    }
  }
  return sum;
}

/** Starts a measurement; `end()` gives the cores others used meanwhile
 * (a browser process that exits during it would count as foreign). */
export function foreignCpu() {
  try {
    const b0 = machineBusy(), m0 = treeTicks(process.pid), t0 = performance.now();
    return {
      end() {
        const busy = machineBusy() - b0, mine = treeTicks(process.pid) - m0;
        return Math.max(0, busy - mine) / HZ / ((performance.now() - t0) / 1000);
      },
    };
  } catch {
    return { end: () => null };
  }
}
