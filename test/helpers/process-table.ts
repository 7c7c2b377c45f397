// The host's process table, read from /proc, for tests that check that nothing the process runtime
// started survives.
import fs from 'node:fs'
import path from 'node:path'

/** Whether a process is there and not a zombie. */
export function exists(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** The live processes whose process group is `pgid`. */
export function groupMembers(pgid: number): number[] {
  const out: number[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (fields[0] !== 'Z' && Number(fields[2]) === pgid) out.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return out
}

/** Every pid (programs, shims, hooks) the runtime recorded under its containers folder. */
export function recordedPids(containers: string): number[] {
  const out: number[] = []
  for (const d of fs.existsSync(containers) ? fs.readdirSync(containers) : []) {
    for (const f of ['pid', 'shim.pid', 'prestop/pid', 'prestop/shim.pid']) {
      const file = path.join(containers, d, f)
      if (fs.existsSync(file)) out.push(Number(fs.readFileSync(file, 'utf8')))
    }
  }
  return out
}
