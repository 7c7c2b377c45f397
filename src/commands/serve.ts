import {defineCommand} from '../cli/define-command.js'
import {serveFlags} from '../cli/verbs/serve-flags.js'
import {versionInfo} from '../cli/verbs/version.js'
import {autoStartDisabled, ensureReconciler} from '../reconciler/spawn.js'
import {runServe} from '../serve/run.js'

/** After a write through the API, the reconciler is (re)started at most this often. */
const RECONCILER_CHECK_MS = 2000

export default defineCommand({
  summary: "Serve the cluster's Kubernetes API over HTTPS",
  description: `Serve the cluster's Kubernetes API over HTTPS, so that the real kubectl, Helm and client libraries reach it.

 Runs in the foreground until interrupted (SIGINT or SIGTERM) and starts the cluster's reconciler. The serving certificate is issued by the cluster's CA for 127.0.0.1, ::1 and localhost (and --address). A kubeconfig with the CA and a bearer token is written (mode 0600); requests without the token get 401.`,
  examples: [
    '# Serve the current cluster on https://127.0.0.1:6443\n<%= config.bin %> serve',
    '# Serve on a free port and point kubectl at it\n<%= config.bin %> serve --port 0\nexport KUBECONFIG=~/.ksim/clusters/ksim/kubeconfig',
  ],
  flags: serveFlags,
  async run(cmd, {flags}) {
    const target = await cmd.target(flags)
    // brings the cluster up to date (the base closes this handle when the command ends)
    await cmd.openApi(target)
    await cmd.ensureReconcilerRunning(target)
    let last = Date.now()
    const onWrite = (): void => {
      if (autoStartDisabled() || Date.now() - last < RECONCILER_CHECK_MS) return
      last = Date.now()
      ensureReconciler(target.cluster).catch((error: Error) => cmd.stderrLine(`Warning: could not start the reconciler of cluster "${target.cluster}": ${error.message}`))
    }
    await runServe({
      cluster: target.cluster,
      namespace: target.namespace,
      address: flags.address,
      port: flags.port,
      kubeconfig: flags.kubeconfig,
      version: {...versionInfo(true)},
      onWrite,
      out: (s) => cmd.out(s),
    })
  },
})
