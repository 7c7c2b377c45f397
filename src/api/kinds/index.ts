// Registers every kind ksim serves. Later kinds are added here, through the same registry.
import './pod.js'
import './namespace.js'
import './node.js'
import './configmap.js'
import './secret.js'
import './event.js'
import './lease.js'
