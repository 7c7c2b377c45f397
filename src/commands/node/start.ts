import {kubeletCommand} from '../../cli/verbs/cordon-command.js'

export default kubeletCommand(false, {
  summary: "Start a stopped node's kubelet",
  description: "Start a node's kubelet again: it heartbeats, the node becomes Ready, and the kubelet reconciles the pods it finds bound to the node (finishing those deleted meanwhile).",
  examples: ['# Bring node ksim-worker back\n<%= config.bin %> node start ksim-worker'],
})
