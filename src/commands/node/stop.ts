import {kubeletCommand} from '../../cli/verbs/cordon-command.js'

export default kubeletCommand(true, {
  summary: "Stop a node's kubelet (simulate a node failure)",
  description: "Stop a node's kubelet: it stops heartbeating and working its pods (their simulated containers keep running, unseen). After the node monitor grace period the node becomes NotReady and is tainted unreachable; its pods are evicted when their tolerations run out.",
  examples: ['# Simulate the failure of node ksim-worker\n<%= config.bin %> node stop ksim-worker'],
})
