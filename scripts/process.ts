/**
 * Whether `pid` is a process this user may signal: false once it has gone (or when it belongs to
 * another user, which the pids handled here, the scripts' own children and lock-file owners, do not).
 */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
