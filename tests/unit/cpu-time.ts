/**
 * CPU milliseconds this process spent running `fn` (user + system). Bounds on hostile inputs are
 * about work, and CPU time counts work: on a loaded machine wall time also counts the time spent
 * waiting for a core, which made wall-clock bounds flaky while measuring nothing of the parser.
 */
export function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}
