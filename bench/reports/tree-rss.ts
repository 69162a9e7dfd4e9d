/**
 * Samples the memory of a process and all its descendants (Linux /proc), for benchmarks: the sum
 * of their proportional set sizes (PSS), so that pages the Chromium processes share count once.
 */
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return byParent;
}

function pssKb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The summed PSS of `root` and its descendants now, in MB. */
export function treeRssMb(root: number): number {
  const byParent = children();
  let total = 0;
  for (const queue = [root]; queue.length > 0;) {
    const pid = queue.pop() as number;
    total += pssKb(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return total / 1024;
}

/** Samples treeRssMb(root) every `ms` until stopped; the peak seen. */
export function sampleTreeRss(root: number, ms = 200): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(root));
  }, ms);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
