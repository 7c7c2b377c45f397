// One forwarded connection's far end, as containerd's port forwarder does it inside the pod's network
// namespace: started as `nsenter <the pod's namespaces> -- node port-forward-pipe.js PORT` (or directly
// for a pod in the host's network), it connects to localhost:PORT — IPv4, then IPv6 — and copies stdin
// to the connection and the connection to stdout. A port nothing listens on ends it with exit 1 and both
// dial errors on stderr, worded as containerd's.
import net from 'node:net'

const port = Number(process.argv[2])

function dial(host: string): Promise<net.Socket | string> {
  return new Promise((resolve) => {
    const s = net.connect({host, port})
    s.once('connect', () => resolve(s))
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? 'connect: connection refused' : `connect: ${e.message}`))
  })
}

const v4 = await dial('127.0.0.1')
const socket = typeof v4 === 'string' ? await dial('::1') : v4
if (typeof socket === 'string') {
  process.stderr.write(`IPv4: dial tcp4 127.0.0.1:${port}: ${v4 as string} IPv6 dial tcp6 [::1]:${port}: ${socket} `)
  process.exit(1)
}
process.stdin.pipe(socket)
socket.pipe(process.stdout)
socket.on('error', () => process.exit(0))
socket.on('close', () => process.exit(0))
