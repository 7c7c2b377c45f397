// How a container of the process runtime reaches its volumes at their mountPath. Where the pod has
// namespaces (sandbox.ts), each container's program starts in a mount namespace of its own, inside the
// pod's user namespace (no root on the host needed), and each volume is bind-mounted at its mountPath
// (read-only when the mount says so, and always for configMap, secret, downwardAPI and projected volumes,
// as the kubelet does). A mountPath that does not exist is made without touching the host: its deepest
// existing parent is covered by an overlay whose upper folder is in a tmpfs scratch folder (the mounts
// under it put back), and the folder is made there; when that parent is `/` (a mountPath like /data), a
// tmpfs root holding bind mounts of the host's top-level entries is built and chrooted into instead.
// A stop signal that comes while the mounts are made is passed on to the program once it runs.
// `ksim exec` and a preStop hook run through the same steps (an equivalent mount namespace of their own).
// Where the OS gives no namespaces, nothing is mounted: the container gets KSIM_ROOT, a folder mirroring
// its mountPaths with links to the volume folders (`$KSIM_ROOT/etc/config`), and the pod's event says so.
import type {VolumeMount} from 'kubernetes-types/core/v1.js'
import type {ContainerRef} from '../runtime.js'

import fs from 'node:fs'
import path from 'node:path'

import {isFileVolume} from './volume-files.js'

/** One volume mount of a container: a host folder (or file, with subPath) at a path of the container's. */
export interface Mount {
  source: string
  target: string
  readOnly: boolean
}

// the tools the scripts use, from the node
const TOOLS_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

// recreates the entries of folder "$1" (seen through "$2") inside it once a tmpfs covers it
const COPY_ENTRIES = `copy() {
  for e in "$2"/* "$2"/.[!.]* "$2"/..?*; do
    [ -e "$e" ] || [ -L "$e" ] || continue
    n="$1/\${e##*/}"
    if [ -L "$e" ]; then ln -s "$(readlink "$e")" "$n"
    elif [ -d "$e" ]; then mkdir -p "$n" && mount -n --rbind "$e" "$n"
    else { [ -e "$n" ] || : > "$n"; } && mount -n --bind "$e" "$n"; fi || return 1
  done
}`

/**
 * Mounts a tmpfs scratch folder at "$1" (the overlays' upper folders), then, when "$2" is `root`, builds
 * a tmpfs root in "$1/root" holding the host's top-level entries and runs the mount script chrooted there
 * (a mountPath whose parent is `/`, as /data, needs one); else runs it in place. Then the mount script's
 * arguments.
 */
export const ROOT_SCRIPT = `trap 'T=1' TERM
P0="$PATH"; PATH=${TOOLS_PATH}
${COPY_ENTRIES}
K="$1"; MODE="$2"; S="$3"; shift 3
mkdir -p "$K" && mount -n -t tmpfs -o mode=0700 ksim-scratch "$K" || { echo "ksim: cannot make the container's scratch folder" >&2; exit 128; }
if [ "$MODE" != root ]; then exec /bin/sh -c "$S" ksim-mounts "$P0" "$K" - "\${T:-0}" "$@"; fi
mkdir "$K/root" && mount -n -t tmpfs -o mode=0755 ksim-root "$K/root" && copy "$K/root" "" || { echo "ksim: cannot build the container's root" >&2; exit 128; }
exec chroot "$K/root" /bin/sh -c "$S" ksim-mounts "$P0" "$K" / "\${T:-0}" "$@"`

/** Args: the PATH to restore, the scratch folder, `/` or `-` (whether `/` is ours), whether a TERM came; then each (source, target, ro|rw), `--`, the working directory and the program. */
export const MOUNT_SCRIPT = `T="$4"; trap 'T=1' TERM
P0="$1"; K="$2"; ours="$3"; shift 4; PATH=${TOOLS_PATH}
${COPY_ENTRIES}
n=0
fail() { echo "ksim: cannot mount volume at $1: $2" >&2; exit 128; }
mine() { for o in $ours; do [ "$o" = "$1" ] && return 0; done; return 1; }
# an overlay over "$1" whose upper folder is in the scratch tmpfs, with the mounts that were under it put back
cover() {
  n=$((n + 1))
  subs=$(awk -v a="$1" '$5 != a && index($5, a "/") == 1 { print $5 }' /proc/self/mountinfo | sort)
  if [ -n "$subs" ]; then mkdir -p "$K/s$n" && mount -n --rbind "$1" "$K/s$n" || return 1; fi
  mkdir -p "$K/u$n" "$K/w$n" && mount -n -t overlay overlay -o "lowerdir=$1,upperdir=$K/u$n,workdir=$K/w$n" "$1" || return 1
  done_=""
  for p in $subs; do
    for d in $done_; do case "$p/" in "$d"*) continue 2 ;; esac; done
    mount -n --rbind "$K/s$n\${p#"$1"}" "$p" || return 1
    done_="$done_ $p/"
  done
  [ -z "$subs" ] || umount -n -l "$K/s$n"
}
while [ "$1" != -- ]; do
  src="$1"; t="$2"; mode="$3"; shift 3
  if [ ! -e "$t" ]; then
    a="$(dirname "$t")"; while [ ! -e "$a" ]; do a="$(dirname "$a")"; done
    a="$(readlink -f "$a")"
    if ! mine "$a"; then
      [ "$a" != / ] || fail "$t" "its parent is the host's root"
      cover "$a" || fail "$t" "cannot cover $a"
      ours="$ours $a"
    fi
    if [ -d "$src" ]; then mkdir -p "$t"; else mkdir -p "$(dirname "$t")" && : > "$t"; fi || fail "$t" "cannot make it"
  fi
  mount -n --rbind "$src" "$t" || fail "$t" "bind mount failed"
  if [ "$mode" = ro ]; then mount -n -o remount,bind,ro "$t" || fail "$t" "read-only remount failed"; fi
done
shift
PATH="$P0"
cd "$1" || fail "$1" "no such working directory"
shift
# a stop signal that came while the mounts were being made is passed on to the program once it runs
trap - TERM
[ "$T" != 1 ] || (sleep 0.2; kill -TERM $$) &
exec "$@"`

/** The container's mounts of the volumes that have folders (`dirs`, by volume name), in spec order. */
export function containerMounts(ref: ContainerRef, dirs: Map<string, string>): Mount[] {
  const out: Mount[] = []
  for (const m of ref.container.volumeMounts ?? []) {
    const dir = dirs.get(m.name)
    const volume = (ref.pod.spec?.volumes ?? []).find((v) => v.name === m.name)
    if (!dir || !volume || m.subPathExpr) continue
    out.push({source: subPathSource(dir, m, !isFileVolume(volume)), target: path.posix.normalize(m.mountPath).replace(/(.)\/$/, '$1'), readOnly: !!m.readOnly || isFileVolume(volume)})
  }
  return out
}

// subPath: a path inside the volume (the kubelet makes a missing one in an emptyDir as a folder)
function subPathSource(dir: string, m: VolumeMount, makeMissing: boolean): string {
  if (!m.subPath) return dir
  const source = path.join(dir, m.subPath)
  if (makeMissing && !fs.existsSync(source)) fs.mkdirSync(source, {recursive: true, mode: 0o777})
  return source
}

// a node's program by its absolute path, so that the container's own PATH does not matter
function tool(name: string): string {
  for (const d of TOOLS_PATH.split(':')) if (fs.existsSync(path.join(d, name))) return path.join(d, name)
  return name
}

/** Where a path of the container's is on the host: inside the mount deepest on its way, else itself. */
export function hostPathIn(mounts: Mount[]): (p: string) => string {
  return (p) => {
    let best: Mount | undefined
    for (const m of mounts) if ((p === m.target || p.startsWith(m.target === '/' ? '/' : `${m.target}/`)) && (!best || m.target.length > best.target.length)) best = m
    return best ? path.join(best.source, p.slice(best.target.length)) : p
  }
}

// whether the deepest existing folder on the way to `target` is `/` (links followed)
function parentIsRoot(target: string): boolean {
  let p = target
  while (!fs.existsSync(p)) p = path.dirname(p)
  return p !== target && fs.realpathSync(p) === '/'
}

/** The argv prefix (run inside the pod's namespaces) that mounts `mounts` and runs the program in `cwd`. */
export function mountWrap(instanceDir: string, mounts: Mount[], cwd: string): string[] {
  const triples = mounts.flatMap((m) => [m.source, m.target, m.readOnly ? 'ro' : 'rw'])
  const mode = mounts.some((m) => parentIsRoot(m.target)) ? 'root' : 'in-place'
  return [tool('unshare'), '--mount', '--propagation', 'private', '--', tool('sh'), '-c', ROOT_SCRIPT, 'ksim-root', path.join(instanceDir, 'rootfs'), mode, MOUNT_SCRIPT, ...triples, '--', cwd]
}

/** Without namespaces: a folder mirroring the mountPaths, with links to the volumes, for KSIM_ROOT. */
export function linkTree(instanceDir: string, mounts: Mount[]): string {
  const root = path.join(instanceDir, 'root')
  for (const m of mounts) {
    const link = path.join(root, m.target)
    fs.mkdirSync(path.dirname(link), {recursive: true})
    if (!fs.lstatSync(link, {throwIfNoEntry: false})) fs.symlinkSync(m.source, link)
  }
  return root
}

/** What the no-namespaces event adds for a pod whose containers mount volumes. */
export const KSIM_ROOT_NOTE = '; its volumes are not mounted at their mountPath: each container finds a volume mounted at /x at $KSIM_ROOT/x'
