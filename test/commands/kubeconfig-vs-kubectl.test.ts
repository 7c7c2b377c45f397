// The kubeconfig verbs against the real kubectl 1.35: one script of `config` commands runs through kubectl,
// then through ksim, on the same files (KUBECONFIG=a:b, or --kubeconfig); every command's stdout, stderr and
// exit code, and the files' merged view after it, must be the same byte for byte.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {BIN, Sandbox} from '../helpers/cli.js'
import {referenceBinaries} from '../helpers/kubectl-ref.js'

type Step = string[]

function run(bin: string[], args: string[], dir: string, env: Record<string, string>, home: string) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'KUBECONFIG' && k !== 'FORCE_COLOR'))
  const r = spawnSync(bin[0]!, [...bin.slice(1), ...args], {cwd: dir, env: {...base, ...env, KSIM_HOME: home, KSIM_NO_RECONCILER: '1', HOME: home}, encoding: 'utf8', timeout: 60_000})
  // kubectl lists clusters and users in Go's map order (random); ksim sorts them
  const stdout = args[1] === 'get-clusters' || args[1] === 'get-users' ? r.stdout.split('\n').slice(0, 1).concat(r.stdout.split('\n').slice(1, -1).sort(), ['']).join('\n') : r.stdout
  // the one word that differs: the binary's own name in its hints
  return {stdout, stderr: r.stderr.replaceAll('"ksim config', '"kubectl config'), code: r.status}
}

function compare(steps: Step[], env: (dir: string) => Record<string, string>, setup: (dir: string) => void = () => {}) {
  return async () => {
    const ref = await referenceBinaries()
    if (!ref.ok) throw new Error(ref.reason)
    const sb = new Sandbox('ksim-kcfg-')
    const dir = path.join(sb.home, 'work')
    const outputs = (bin: string[]) => {
      fs.rmSync(dir, {recursive: true, force: true})
      fs.mkdirSync(dir)
      setup(dir)
      return steps.map((args) => ({args: args.join(' '), ...run(bin, args, dir, env(dir), sb.home)}))
    }
    try {
      const want = outputs([ref.bins.kubectl])
      const got = outputs([process.execPath, BIN])
      for (let i = 0; i < steps.length; i++) expect(got[i], steps[i]!.join(' ')).to.deep.equal(want[i])
    } finally {
      fs.rmSync(sb.home, {recursive: true, force: true})
    }
  }
}

const VIEWS: Step[] = [
  ['config', 'view'],
  ['config', 'view', '-o', 'json'],
  ['config', 'view', '--raw'],
  ['config', 'get-contexts'],
  ['config', 'get-clusters'],
  ['config', 'get-users'],
  ['config', 'current-context'],
]

describe('config verbs match kubectl 1.35 on the same kubeconfig files', function () {
  this.timeout(600_000)

  it('builds a kubeconfig from nothing: set-context, set-cluster, set-credentials, use-context, views', compare(
    [
      ...VIEWS,
      ['config', 'set-context', 'test', '--namespace=x'],
      ['config', 'set-cluster', 'c1', '--server=https://1.2.3.4', '--certificate-authority=ca.crt', '--embed-certs'],
      ['config', 'set-cluster', 'c2', '--server=https://5.6.7.8', '--certificate-authority=ca.crt'],
      ['config', 'set-cluster', 'c3', '--server=https://h', '--insecure-skip-tls-verify=true', '--tls-server-name=n', '--proxy-url=http://p'],
      ['config', 'set-cluster', 'c1', '--server=https://1.2.3.9'],
      // a path outside the file's folder stays absolute (no `..` written)
      ['config', 'set-cluster', 'c4', '--server=https://o', '--certificate-authority=../outside.crt'],
      ['config', 'set-cluster', 'c1', '--insecure-skip-tls-verify', '--certificate-authority=ca.crt'],
      ['config', 'set-cluster', 'c1', '--embed-certs'],
      ['config', 'set-cluster', 'c1', '--embed-certs', '--certificate-authority=nope.crt'],
      ['config', 'set-credentials', 'u1', '--token=abc', '--client-key=k.key'],
      ['config', 'set-credentials', 'u2', '--username=a', '--password=b'],
      ['config', 'set-credentials', 'u2', '--token=t', '--username=x'],
      ['config', 'set-credentials', 'u3', '--client-certificate=ca.crt', '--client-key=ca.crt', '--embed-certs'],
      ['config', 'set-credentials', 'u3', '--embed-certs'],
      ['config', 'set-credentials', 'u1', '--username=switched'],
      ['config', 'set-context', 'test', '--cluster=c1', '--user=u1'],
      ['config', 'use-context', 'nope'],
      ['config', 'use-context', 'test'],
      ...VIEWS,
      ['config', 'view', '--minify'],
      ['config', 'view', '--minify', '--raw', '-o', 'json'],
      ['config', 'view', '--flatten', '--minify', '--raw'],
      ['config', 'view', '-o', 'jsonpath={.contexts[*].name}'],
      ['config', 'get-contexts', 'test'],
      ['config', 'get-contexts', 'nope'],
      ['config', 'get-contexts', '-o', 'name'],
    ],
    (dir) => ({KUBECONFIG: path.join(dir, 'kc')}),
    (dir) => fs.writeFileSync(path.join(dir, 'ca.crt'), 'hello\n'),
  ))

  it('renames, deletes, set and unset with kubectl messages', compare(
    [
      ['config', 'set-context', 'a', '--cluster=c', '--user=u', '--namespace=n'],
      ['config', 'set-context', 'b'],
      ['config', 'set-cluster', 'c', '--server=https://c'],
      ['config', 'set-credentials', 'u', '--token=t'],
      ['config', 'use-context', 'a'],
      ['config', 'rename-context', 'a', 'a2'],
      ['config', 'rename-context', 'nope', 'x'],
      ['config', 'rename-context', 'a2', 'b'],
      ['config', 'delete-context', 'nope'],
      ['config', 'delete-cluster', 'nope'],
      ['config', 'delete-user', 'nope'],
      ['config', 'delete-context', 'a2'],
      ['config', 'view', '--minify'],
      ['config', 'delete-context', 'b'],
      ['config', 'delete-cluster', 'c'],
      ['config', 'delete-user', 'u'],
      ['config', 'set', 'current-context', 'x'],
      ['config', 'set', 'users.u3.token', 'xyz'],
      ['config', 'set', 'contexts.c9.namespace', 'n'],
      ['config', 'set', 'clusters.c1.server', 'https://s'],
      ['config', 'set', 'clusters.c1.insecure-skip-tls-verify', 'true'],
      ['config', 'set', 'clusters.c1.insecure-skip-tls-verify', 'maybe'],
      ['config', 'set', 'clusters.c1.certificate-authority-data', 'aGVsbG8='],
      ['config', 'set', 'clusters.c1.certificate-authority-data', 'notbase64!'],
      // base64 as base64(1) wraps it: Go's decoder skips the line breaks, the file holds the canonical text
      ['config', 'set', 'clusters.c2.certificate-authority-data', 'aGVsbG8gd29y\nbGQ=\n'],
      ['config', 'set', 'clusters.c2.certificate-authority-data', 'aGVs\nbG8*'],
      ['config', 'set', 'users.u4.client-key-data', 'raw data', '--set-raw-bytes'],
      ['config', 'set', 'foo', 'bar'],
      ...VIEWS,
      ['config', 'view', '--raw'],
      ['config', 'unset', 'users.u3.token'],
      ['config', 'unset', 'users.nope'],
      ['config', 'unset', 'contexts.c9.namespace'],
      ['config', 'unset', 'current-context'],
      ['config', 'unset', 'clusters'],
      ...VIEWS,
    ],
    (dir) => ({KUBECONFIG: path.join(dir, 'kc')}),
  ))

  it('merges KUBECONFIG files as kubectl: first file wins, writes go to the defining or default file', compare(
    [
      ['config', 'set-cluster', 'c2', '--server=https://5.6.7.8'],
      ['config', 'view', '--kubeconfig', 'b'],
      ...VIEWS,
      ['config', 'set-context', 'shared', '--namespace=z'],
      ['config', 'set-context', 'newone', '--namespace=z'],
      ['config', 'use-context', 'shared'],
      ['config', 'view', '--kubeconfig', 'a'],
      ['config', 'view', '--kubeconfig', 'b'],
      ['config', 'delete-context', 'shared'],
      ...VIEWS,
      ['config', 'view', '--kubeconfig', 'missing'],
    ],
    (dir) => ({KUBECONFIG: `${path.join(dir, 'a')}:${path.join(dir, 'b')}`}),
    (dir) =>
      fs.writeFileSync(
        path.join(dir, 'b'),
        'apiVersion: v1\nkind: Config\ncurrent-context: bctx\ncontexts:\n- name: bctx\n  context: {cluster: c2, user: bu}\n- name: shared\n  context: {cluster: fromb, user: ""}\nclusters:\n- name: c2\n  cluster: {server: https://b}\nusers:\n- name: bu\n  user: {token: t}\n',
      ),
  ))

})

describe('ksim clusters in the kubeconfig', function () {
  this.timeout(120_000)
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-kcfg-'))

  it('a first command makes the ksim cluster and its entries in KSIM_HOME/kubeconfig; --kubeconfig and KUBECONFIG choose other files', () => {
    const sb = new Sandbox('ksim-kcfg-', {KSIM_NO_RECONCILER: '1'})
    const other = tmp()
    try {
      expect(sb.run(['get', 'ns', 'default', '-o', 'name'])).to.deep.equal({stdout: 'namespace/default\n', stderr: '', code: 0})
      expect(fs.readFileSync(path.join(sb.home, 'kubeconfig'), 'utf8')).to.equal(
        'apiVersion: v1\nclusters:\n- cluster:\n    server: ksim://ksim\n  name: ksim\ncontexts:\n- context:\n    cluster: ksim\n    user: ksim\n  name: ksim\ncurrent-context: ksim\nkind: Config\nusers:\n- name: ksim\n  user: {}\n',
      )
      // a file of one's own: a context pointing at the same ksim cluster, with its namespace
      const file = path.join(other, 'kc')
      expect(sb.run(['config', 'set-cluster', 'mine', '--server=ksim://ksim', '--kubeconfig', file]).stdout).to.equal('Cluster "mine" set.\n')
      expect(sb.run(['--kubeconfig', file, 'config', 'set-context', 'm', '--cluster=mine', '--namespace=kube-system']).code).to.equal(0)
      expect(sb.run(['--kubeconfig', file, 'config', 'use-context', 'm']).code).to.equal(0)
      expect(sb.run(['--kubeconfig', file, 'get', 'sa', 'default', '-o', 'jsonpath={.metadata.namespace}'])).to.deep.equal({stdout: 'kube-system', stderr: '', code: 0})
      expect(sb.run(['get', 'sa', 'default', '-o', 'jsonpath={.metadata.namespace}'], {env: {KUBECONFIG: file}}).stdout).to.equal('kube-system')
      // ksim's own file is unchanged by all that
      expect(sb.run(['config', 'get-contexts', '-o', 'name']).stdout).to.equal('ksim\n')
      // a server ksim does not serve, and a --kubeconfig that is not there
      expect(sb.run(['--kubeconfig', file, 'config', 'set-cluster', 'mine', '--server=https://10.0.0.1']).code).to.equal(0)
      expect(sb.run(['--kubeconfig', file, 'get', 'pods'])).to.deep.equal({
        stdout: '',
        stderr: `error: context "m" names cluster "mine" at server "https://10.0.0.1": ksim talks only to its own clusters (server ksim://NAME)\n`,
        code: 1,
      })
      expect(sb.run(['--kubeconfig', path.join(other, 'none'), 'get', 'pods'])).to.deep.equal({stdout: '', stderr: `error: stat ${path.join(other, 'none')}: no such file or directory\n`, code: 1})
      expect(fs.existsSync(path.join(other, 'none'))).to.equal(false)
      // --cluster and --user as kubectl's: they must name entries; --cluster picks the cluster
      expect(sb.run(['get', 'pods', '--cluster=missing-cluster'])).to.deep.equal({stdout: '', stderr: 'error: no server found for cluster "missing-cluster"\n', code: 1})
      expect(sb.run(['get', 'pods', '--user=missing-user'])).to.deep.equal({stdout: '', stderr: 'error: auth info "missing-user" does not exist\n', code: 1})
      expect(sb.run(['cluster', 'create', 'two', '--nodes=1']).code).to.equal(0)
      expect(sb.run(['config', 'use-context', 'ksim']).code).to.equal(0)
      expect(sb.run(['get', 'nodes', '-o', 'name', '--cluster=two', '--user=ksim']).stdout).to.equal('node/two-control-plane\n')
    } finally {
      sb.cleanup()
      fs.rmSync(other, {recursive: true, force: true})
    }
  })

  it('a file that is not YAML: client-go\'s error naming it (the YAML parser\'s own words differ), nothing written', () => {
    const sb = new Sandbox('ksim-kcfg-', {KSIM_NO_RECONCILER: '1'})
    try {
      const file = sb.write('kc', 'garbage: [\n')
      for (const args of [['config', 'view'], ['get', 'pods'], ['config', 'set-context', 'x']]) {
        const r = sb.run(args, {env: {KUBECONFIG: file}})
        expect(r.stdout).to.equal('')
        expect(r.stderr).to.match(new RegExp(`^error: error loading config file "${file}": yaml: line \\d+: .+\n$`))
        expect(r.code).to.equal(1)
      }
      expect(fs.readFileSync(file, 'utf8')).to.equal('garbage: [\n')
    } finally {
      sb.cleanup()
    }
  })

  it('cluster create and delete add and remove the cluster, user and context entries', () => {
    const sb = new Sandbox('ksim-kcfg-', {KSIM_NO_RECONCILER: '1'})
    try {
      expect(sb.run(['cluster', 'create', 'dev', '--nodes=1']).code).to.equal(0)
      expect(sb.run(['config', 'get-contexts']).stdout).to.equal('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         dev    dev       dev        \n')
      expect(sb.run(['config', 'view', '-o', 'jsonpath={.clusters[0].cluster.server}']).stdout).to.equal('ksim://dev')
      expect(sb.run(['cluster', 'delete', 'dev']).code).to.equal(0)
      expect(sb.run(['config', 'view'], {env: {}}).stdout).to.equal('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\nusers: null\n')
    } finally {
      sb.cleanup()
    }
  })

  it('turns an old config.json into the kubeconfig once, keeping the old file aside', () => {
    const sb = new Sandbox('ksim-kcfg-', {KSIM_NO_RECONCILER: '1'})
    try {
      expect(sb.run(['cluster', 'create', 'dev', '--nodes=1']).code).to.equal(0)
      fs.rmSync(path.join(sb.home, 'kubeconfig'))
      fs.writeFileSync(path.join(sb.home, 'config.json'), JSON.stringify({currentContext: 'dev-sys', contexts: {dev: {cluster: 'dev'}, 'dev-sys': {cluster: 'dev', namespace: 'kube-system'}}}))
      expect(sb.run(['config', 'get-contexts']).stdout).to.equal(
        'CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n          dev       dev       dev        \n*         dev-sys   dev       dev        kube-system\n',
      )
      expect(fs.existsSync(path.join(sb.home, 'config.json'))).to.equal(false)
      expect(fs.existsSync(path.join(sb.home, 'config.json.migrated'))).to.equal(true)
      expect(sb.run(['get', 'sa', 'default', '-o', 'jsonpath={.metadata.namespace}']).stdout).to.equal('kube-system')
    } finally {
      sb.cleanup()
    }
  })
})
