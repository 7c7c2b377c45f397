// The process runtime through the real CLI and reconciler: containers are real processes, their exit
// codes drive the restart policy, deletion really signals them (SIGTERM to the program, SIGKILL at the
// grace deadline, measured), logs and exec reach them, and nothing survives: every pid and process
// group the runtime recorded is checked against the process table.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'
import {exists, groupMembers} from '../helpers/process-table.js'

const pod = (name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): string =>
  JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec: {containers: [{name: 'app', image: 'busybox', ...container}], ...spec}})

describe('process runtime (real processes, real reconciler)', function () {
  this.timeout(240_000)
  let sb: Sandbox
  let containers: string
  /** every pid the runtime recorded (programs and shims), collected while the test runs */
  const seen = new Set<number>()

  const collect = (): void => {
    for (const d of fs.existsSync(containers) ? fs.readdirSync(containers) : []) {
      for (const f of ['pid', 'shim.pid', 'prestop/pid', 'prestop/shim.pid']) {
        const file = path.join(containers, d, f)
        if (fs.existsSync(file)) seen.add(Number(fs.readFileSync(file, 'utf8')))
      }
    }
  }
  // the pid of the program of the pod's only container, once it runs
  const programPid = (name: string): number => {
    expect(sb.run(['wait', '--for=condition=Ready', `pod/${name}`, '--timeout=60s']).code).to.equal(0)
    const id = sb.run(['get', 'pod', name, '-o', 'jsonpath={.status.containerStatuses[0].containerID}']).stdout.replace('process://', '')
    const file = path.join(containers, id, 'pid')
    for (let i = 0; i < 100 && !fs.existsSync(file); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
    const pid = Number(fs.readFileSync(file, 'utf8'))
    seen.add(pid)
    return pid
  }

  beforeEach(() => {
    sb = new Sandbox('ksim-proc-')
    containers = path.join(sb.home, 'clusters', 'lab', 'containers')
    seen.clear()
    expect(sb.run(['cluster', 'create', 'lab', '--nodes', '1', '--runtime', 'process']).code).to.equal(0)
  })
  afterEach(() => {
    try {
      collect()
    } finally {
      sb.cleanup()
    }
    // nothing the runtime started outlives the cluster
    const survivors = [...seen].filter((pid) => exists(pid) || groupMembers(pid).length > 0)
    expect(survivors, 'processes left behind').to.deep.equal([])
  })

  it('a program that traps SIGTERM exits within the grace period; one that ignores it is SIGKILLed at the deadline', () => {
    const marker = path.join(sb.home, 'got-term')
    const polite = pod('polite', {command: ['sh', '-c', `trap 'echo bye > ${marker}; exit 0' TERM; while true; do sleep 0.1; done`]}, {terminationGracePeriodSeconds: 30})
    const stubborn = pod('stubborn', {command: ['sh', '-c', `trap '' TERM; while true; do sleep 0.1; done`]}, {terminationGracePeriodSeconds: 3})
    expect(sb.run(['apply', '-f', '-'], {input: `${polite}\n---\n${stubborn}`}).code).to.equal(0)
    const politePid = programPid('polite')
    const stubbornPid = programPid('stubborn')
    expect(exists(politePid) && exists(stubbornPid)).to.equal(true)

    let t0 = Date.now()
    expect(sb.run(['delete', 'pod', 'polite']).code).to.equal(0)
    const politeMs = Date.now() - t0
    expect(fs.readFileSync(marker, 'utf8')).to.equal('bye\n')
    expect(politeMs, 'the trap ended it long before the 30 s grace').to.be.lessThan(10_000)
    expect(exists(politePid)).to.equal(false)

    t0 = Date.now()
    expect(sb.run(['delete', 'pod', 'stubborn']).code).to.equal(0)
    const stubbornMs = Date.now() - t0
    expect(stubbornMs, 'SIGKILL waits for the 3 s grace').to.be.greaterThanOrEqual(3000)
    expect(stubbornMs).to.be.lessThan(10_000)
    expect(exists(stubbornPid)).to.equal(false)
    expect(groupMembers(stubbornPid)).to.deep.equal([])
  })

  it('runs a preStop exec hook for real before SIGTERM, which comes when the hook ends', () => {
    const log = path.join(sb.home, 'order')
    const hook = {preStop: {exec: {command: ['sh', '-c', `echo hook-start $(date +%s%N) >> ${log}; sleep 1; echo hook-end $(date +%s%N) >> ${log}`]}}}
    const command = ['sh', '-c', `trap 'echo term $(date +%s%N) >> ${log}; exit 0' TERM; while true; do sleep 0.1; done`]
    expect(sb.run(['apply', '-f', '-'], {input: pod('hooked', {command, lifecycle: hook}, {terminationGracePeriodSeconds: 30})}).code).to.equal(0)
    programPid('hooked')
    expect(sb.run(['delete', 'pod', 'hooked']).code).to.equal(0)
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' '))
    expect(lines.map((l) => l[0])).to.deep.equal(['hook-start', 'hook-end', 'term'])
    const ns = lines.map((l) => BigInt(l[1]))
    expect(Number((ns[1] - ns[0]) / 1_000_000n)).to.be.greaterThanOrEqual(1000)
    // the stop signal follows the hook's end at once (the kubelet looks every 200 ms), not the 30 s grace
    expect(Number((ns[2] - ns[1]) / 1_000_000n)).to.be.lessThan(3000)
  })

  it('shows the real exit codes: 137 for a program SIGKILLed past its deadline, 0 for one that handled SIGTERM', () => {
    const spec = {activeDeadlineSeconds: 5, terminationGracePeriodSeconds: 2, restartPolicy: 'Never'}
    const ignores = pod('ignores', {command: ['sh', '-c', `trap '' TERM; while true; do sleep 0.1; done`]}, spec)
    const handles = pod('handles', {command: ['sh', '-c', `trap 'exit 0' TERM; while true; do sleep 0.1; done`]}, spec)
    expect(sb.run(['apply', '-f', '-'], {input: `${ignores}\n---\n${handles}`}).code).to.equal(0)
    // the phase is Failed at the deadline; the containers end as the kill goes
    for (const [name, reason] of [['ignores', 'Error'], ['handles', 'Completed']]) {
      expect(sb.run(['wait', `--for=jsonpath={.status.containerStatuses[0].state.terminated.reason}=${reason}`, `pod/${name}`, '--timeout=60s']).code).to.equal(0)
    }
    const terminated = (name: string): string => sb.run(['get', 'pod', name, '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}']).stdout
    expect(terminated('ignores')).to.equal('137 Error')
    expect(terminated('handles')).to.equal('0 Completed')
    expect(sb.run(['describe', 'pod', 'ignores']).stdout).to.match(/State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137\n/)
  })

  it('restarts a crashing program with back-off, its real exit code in lastState; logs --previous reads the instance before', () => {
    expect(sb.run(['apply', '-f', '-'], {input: pod('crash', {command: ['sh', '-c', 'echo run $(date +%s%N); echo oops >&2; exit 3']})}).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=2', 'pod/crash', '--timeout=90s']).code).to.equal(0)
    const last = sb.run(['get', 'pod', 'crash', '-o', 'jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode} {.status.containerStatuses[0].lastState.terminated.reason}'])
    expect(last.stdout).to.equal('3 Error')
    const previous = sb.run(['logs', 'crash', '--previous'])
    expect(previous.code).to.equal(0)
    expect(previous.stdout).to.match(/^run \d+\noops\n$/)
    expect(sb.run(['get', 'events', '--field-selector', 'reason=BackOff', '-o', 'name']).stdout).to.not.equal('')
  })

  it('logs -f prints lines as they come and ends with the instance; --tail, --timestamps and --prefix as kubectl', async () => {
    expect(sb.run(['apply', '-f', '-'], {input: pod('count', {command: ['sh', '-c', 'for i in 1 2 3 4; do echo line $i; sleep 0.5; done'], workingDir: '/'}, {restartPolicy: 'Never'})}).code).to.equal(0)
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/count', '--timeout=60s']).code).to.equal(0)
    const followed = await sb.runAsync(['logs', '-f', 'count'])
    expect(followed).to.deep.equal({stdout: 'line 1\nline 2\nline 3\nline 4\n', stderr: '', code: 0})
    expect(sb.run(['logs', 'count', '--tail=1']).stdout).to.equal('line 4\n')
    expect(sb.run(['logs', 'count', '--tail=1', '--timestamps', '--prefix']).stdout).to.match(/^\[pod\/count\/app\] \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 4\n$/)
    expect(sb.run(['logs', 'count', '--previous'])).to.deep.equal({stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "app" in pod "count" not found\n', code: 1})
  })

  it('exec runs a command with the container\'s environment and working directory, and passes its exit code on', () => {
    const spec = {command: ['sleep', '600'], workingDir: '/tmp', env: [{name: 'GREETING', value: 'hello'}, {name: 'POD', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}, {name: 'BOTH', value: '$(GREETING) from $(POD)'}]}
    expect(sb.run(['apply', '-f', '-'], {input: pod('shell', spec)}).code).to.equal(0)
    programPid('shell')
    expect(sb.run(['exec', 'shell', '--', 'sh', '-c', 'echo "$BOTH in $PWD"'])).to.deep.equal({stdout: 'hello from shell in /tmp\n', stderr: '', code: 0})
    // the words after -- reach the command as typed, though -c (and the container's name) came before
    expect(sb.run(['exec', 'shell', '-c', 'app', '--', 'sh', '-c', 'echo hi; echo app'])).to.deep.equal({stdout: 'hi\napp\n', stderr: '', code: 0})
    expect(sb.run(['exec', '-c', 'app', 'shell', '--', 'echo', 'app', '-c', 'shell'])).to.deep.equal({stdout: 'app -c shell\n', stderr: '', code: 0})
    expect(sb.run(['exec', 'shell', '--', 'sh', '-c', 'exit 5'])).to.deep.equal({stdout: '', stderr: 'command terminated with exit code 5\n', code: 5})
    // the kubelet's service variables: the API server's Service, as in every pod
    expect(sb.run(['exec', 'shell', '--', 'sh', '-c', 'echo $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT $KUBERNETES_PORT_443_TCP'])).to.deep.equal({stdout: '10.96.0.1:443 tcp://10.96.0.1:443\n', stderr: '', code: 0})
    expect(sb.run(['exec', 'shell', '--', 'no-such-program'])).to.deep.equal({stdout: '', stderr: 'error: Internal error occurred: error executing command in container: failed to exec in container: exec: "no-such-program": executable file not found in $PATH\n', code: 1})
    expect(sb.run(['exec', 'shell'])).to.deep.equal({stdout: '', stderr: 'error: you must specify at least one command for the container\n', code: 1})
    expect(sb.run(['exec', 'shell', 'ls'])).to.deep.equal({stdout: '', stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'ksim exec -h' for help and examples\n", code: 1})
  })

  it('a container with neither command nor args cannot be created, args alone run; a program that is not there fails to start', () => {
    expect(sb.run(['run', 'nocmd', '--image=nginx']).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=CreateContainerError', 'pod/nocmd', '--timeout=60s']).code).to.equal(0)
    expect(sb.run(['get', 'pod', 'nocmd', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.message}']).stdout).to.equal(
      'the process runtime runs a container\'s command and args, and container "nocmd" has neither (its image "nginx" names nothing to run)',
    )
    // args alone are the command line, as with an image that has no ENTRYPOINT
    expect(sb.run(['run', 'argsonly', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo from args']).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/argsonly', '--timeout=60s']).code).to.equal(0)
    expect(sb.run(['logs', 'argsonly'])).to.deep.equal({stdout: 'from args\n', stderr: '', code: 0})
    expect(sb.run(['apply', '-f', '-'], {input: pod('missing', {command: ['no-such-program']}, {restartPolicy: 'Never'})}).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.phase}=Failed', 'pod/missing', '--timeout=60s']).code).to.equal(0)
    const t = sb.run(['get', 'pod', 'missing', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}: {.status.containerStatuses[0].state.terminated.message}']).stdout
    expect(t).to.equal('128 StartError: failed to start container process: exec: "no-such-program": executable file not found in $PATH')
  })

  it('gives each pod its own network and hostname: containers talk over localhost, two pods listen on one port', function () {
    if (sb.run(['run', 'probe', '--image=busybox', '--restart=Never', '--command', '--', 'true']).code !== 0) this.skip()
    const events = (): string => sb.run(['get', 'events', '--field-selector', 'involvedObject.name=probe', '-o', 'jsonpath={.items[*].reason}']).stdout
    expect(sb.run(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/probe', '--timeout=60s']).code).to.equal(0)
    if (events().includes('SandboxWithoutNamespaces')) this.skip() // this machine has no unprivileged user namespaces: said in the event
    const node = process.execPath
    const server = `require('http').createServer((q, s) => s.end('hello from ' + require('os').hostname() + '\\n')).listen(8080, '127.0.0.1')`
    const client = `setInterval(() => fetch('http://127.0.0.1:8080').then((r) => r.text()).then((t) => { process.stdout.write(t); process.exit(0) }, () => {}), 200)`
    const twoContainers = (name: string): string =>
      JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec: {restartPolicy: 'Never', containers: [
        {name: 'server', image: 'node', command: [node, '-e', server]},
        {name: 'client', image: 'node', command: [node, '-e', client]},
      ]}})
    expect(sb.run(['apply', '-f', '-'], {input: `${twoContainers('left')}\n---\n${twoContainers('right')}`}).code).to.equal(0)
    for (const name of ['left', 'right']) {
      expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].state.terminated.reason}=Completed', `pod/${name}`, '--timeout=90s']).code).to.equal(0)
      // the client (sorted first) reached its own pod's server over localhost, though both listen on 8080
      expect(sb.run(['logs', name, '-c', 'client'])).to.deep.equal({stdout: `hello from ${name}\n`, stderr: '', code: 0})
    }
    expect(sb.run(['exec', 'left', '-c', 'server', '--', 'hostname'])).to.deep.equal({stdout: 'left\n', stderr: '', code: 0})
  })

  it('a restarted reconciler finds its running processes again; cluster stop kills them', () => {
    expect(sb.run(['apply', '-f', '-'], {input: pod('keep', {command: ['sleep', '600']})}).code).to.equal(0)
    const pid = programPid('keep')
    const status = sb.run(['cluster', 'status']).stdout
    const reconciler = Number(/running \(pid (\d+)/.exec(status)![1])
    process.kill(reconciler, 'SIGKILL')
    // a write starts a new reconciler, which finds the instance running: no second start, no restart
    expect(sb.run(['label', 'pod', 'keep', 'again=yes']).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.metadata.labels.again}=yes', 'pod/keep', '--timeout=30s']).code).to.equal(0)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000)
    expect(sb.run(['get', 'pod', 'keep', '-o', 'jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.running.startedAt}']).stdout).to.match(/^0 \S+$/)
    // the container's instance, and the pod's sandbox where namespaces are available
    const instances = fs.readdirSync(containers).length
    expect(instances).to.be.within(1, 2)
    expect(exists(pid)).to.equal(true)
    expect(sb.run(['cluster', 'stop']).stdout).to.match(new RegExp(`\nKilled ${instances} process${instances === 1 ? '' : 'es'} of cluster "lab" \\(containers and pod sandboxes\\)\\.\n$`))
    expect(exists(pid)).to.equal(false)
  })
})
