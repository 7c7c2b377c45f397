import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const WIDE_VERBS = 'create,delete,deletecollection,get,list,patch,update,watch'

describe('ksim api-resources and api-versions', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-api-resources-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('lists the served resources by group, the core group first, then by name, in kubectl’s columns', () => {
    expect(sb.run(['api-resources'])).to.deep.equal({
      stdout:
        'NAME                        SHORTNAMES   APIVERSION                     NAMESPACED   KIND\n' +
        'configmaps                  cm           v1                             true         ConfigMap\n' +
        'endpoints                   ep           v1                             true         Endpoints\n' +
        'events                      ev           v1                             true         Event\n' +
        'namespaces                  ns           v1                             false        Namespace\n' +
        'nodes                       no           v1                             false        Node\n' +
        'persistentvolumeclaims      pvc          v1                             true         PersistentVolumeClaim\n' +
        'persistentvolumes           pv           v1                             false        PersistentVolume\n' +
        'pods                        po           v1                             true         Pod\n' +
        'podtemplates                             v1                             true         PodTemplate\n' +
        'replicationcontrollers      rc           v1                             true         ReplicationController\n' +
        'secrets                                  v1                             true         Secret\n' +
        'serviceaccounts             sa           v1                             true         ServiceAccount\n' +
        'services                    svc          v1                             true         Service\n' +
        'customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1        false        CustomResourceDefinition\n' +
        'controllerrevisions                      apps/v1                        true         ControllerRevision\n' +
        'daemonsets                  ds           apps/v1                        true         DaemonSet\n' +
        'deployments                 deploy       apps/v1                        true         Deployment\n' +
        'replicasets                 rs           apps/v1                        true         ReplicaSet\n' +
        'statefulsets                sts          apps/v1                        true         StatefulSet\n' +
        'cronjobs                    cj           batch/v1                       true         CronJob\n' +
        'jobs                                     batch/v1                       true         Job\n' +
        'leases                                   coordination.k8s.io/v1         true         Lease\n' +
        'endpointslices                           discovery.k8s.io/v1            true         EndpointSlice\n' +
        'runtimeclasses                           node.k8s.io/v1                 false        RuntimeClass\n' +
        'poddisruptionbudgets        pdb          policy/v1                      true         PodDisruptionBudget\n' +
        'clusterrolebindings                      rbac.authorization.k8s.io/v1   false        ClusterRoleBinding\n' +
        'clusterroles                             rbac.authorization.k8s.io/v1   false        ClusterRole\n' +
        'rolebindings                             rbac.authorization.k8s.io/v1   true         RoleBinding\n' +
        'roles                                    rbac.authorization.k8s.io/v1   true         Role\n' +
        'priorityclasses             pc           scheduling.k8s.io/v1           false        PriorityClass\n' +
        'storageclasses              sc           storage.k8s.io/v1              false        StorageClass\n',
      stderr: '',
      code: 0,
    })
  })

  it('adds comma-separated VERBS and CATEGORIES with -o wide, padding the verbs even when no category follows', () => {
    const {stdout, code} = sb.run(['api-resources', '-o', 'wide', '--api-group', ''])
    expect(code).to.equal(0)
    expect(stdout).to.equal(
      'NAME                     SHORTNAMES   APIVERSION   NAMESPACED   KIND                    VERBS                                                        CATEGORIES\n' +
        'configmaps               cm           v1           true         ConfigMap               create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'endpoints                ep           v1           true         Endpoints               create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'events                   ev           v1           true         Event                   create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'namespaces               ns           v1           false        Namespace               create,delete,get,list,patch,update,watch                    \n' +
        'nodes                    no           v1           false        Node                    create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'persistentvolumeclaims   pvc          v1           true         PersistentVolumeClaim   create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'persistentvolumes        pv           v1           false        PersistentVolume        create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'pods                     po           v1           true         Pod                     create,delete,deletecollection,get,list,patch,update,watch   all\n' +
        'podtemplates                          v1           true         PodTemplate             create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'replicationcontrollers   rc           v1           true         ReplicationController   create,delete,deletecollection,get,list,patch,update,watch   all\n' +
        'secrets                               v1           true         Secret                  create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'serviceaccounts          sa           v1           true         ServiceAccount          create,delete,deletecollection,get,list,patch,update,watch   \n' +
        'services                 svc          v1           true         Service                 create,delete,deletecollection,get,list,patch,update,watch   all\n',
    )
  })

  it('prints resource.group names with -o name, without a header', () => {
    expect(sb.run(['api-resources', '-o', 'name']).stdout).to.equal(
      'configmaps\nendpoints\nevents\nnamespaces\nnodes\npersistentvolumeclaims\npersistentvolumes\npods\npodtemplates\nreplicationcontrollers\nsecrets\nserviceaccounts\nservices\ncustomresourcedefinitions.apiextensions.k8s.io\ncontrollerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\ncronjobs.batch\njobs.batch\nleases.coordination.k8s.io\nendpointslices.discovery.k8s.io\nruntimeclasses.node.k8s.io\npoddisruptionbudgets.policy\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\nrolebindings.rbac.authorization.k8s.io\nroles.rbac.authorization.k8s.io\npriorityclasses.scheduling.k8s.io\nstorageclasses.storage.k8s.io\n',
    )
  })

  it('sorts by kind or name on --sort-by, ties by name', () => {
    const kinds = sb.run(['api-resources', '--sort-by=kind', '--no-headers']).stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])
    expect(kinds).to.deep.equal(['clusterroles', 'clusterrolebindings', 'configmaps', 'controllerrevisions', 'cronjobs', 'customresourcedefinitions', 'daemonsets', 'deployments', 'endpointslices', 'endpoints', 'events', 'jobs', 'leases', 'namespaces', 'nodes', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'poddisruptionbudgets', 'podtemplates', 'priorityclasses', 'replicasets', 'replicationcontrollers', 'roles', 'rolebindings', 'runtimeclasses', 'secrets', 'services', 'serviceaccounts', 'statefulsets', 'storageclasses'])
    expect(sb.run(['api-resources', '--sort-by', 'name', '-o', 'name']).stdout).to.equal(
      'clusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\nconfigmaps\ncontrollerrevisions.apps\ncronjobs.batch\ncustomresourcedefinitions.apiextensions.k8s.io\ndaemonsets.apps\ndeployments.apps\nendpoints\nendpointslices.discovery.k8s.io\nevents\njobs.batch\nleases.coordination.k8s.io\nnamespaces\nnodes\npersistentvolumeclaims\npersistentvolumes\npoddisruptionbudgets.policy\npods\npodtemplates\npriorityclasses.scheduling.k8s.io\nreplicasets.apps\nreplicationcontrollers\nrolebindings.rbac.authorization.k8s.io\nroles.rbac.authorization.k8s.io\nruntimeclasses.node.k8s.io\nsecrets\nserviceaccounts\nservices\nstatefulsets.apps\nstorageclasses.storage.k8s.io\n',
    )
  })

  it('filters by --namespaced only when given, by --api-group, and by every one of --verbs and --categories', () => {
    expect(sb.run(['api-resources', '--namespaced=false'])).to.deep.equal({
      stdout:
        'NAME                        SHORTNAMES   APIVERSION                     NAMESPACED   KIND\n' +
        'namespaces                  ns           v1                             false        Namespace\n' +
        'nodes                       no           v1                             false        Node\n' +
        'persistentvolumes           pv           v1                             false        PersistentVolume\n' +
        'customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1        false        CustomResourceDefinition\n' +
        'runtimeclasses                           node.k8s.io/v1                 false        RuntimeClass\n' +
        'clusterrolebindings                      rbac.authorization.k8s.io/v1   false        ClusterRoleBinding\n' +
        'clusterroles                             rbac.authorization.k8s.io/v1   false        ClusterRole\n' +
        'priorityclasses             pc           scheduling.k8s.io/v1           false        PriorityClass\n' +
        'storageclasses              sc           storage.k8s.io/v1              false        StorageClass\n',
      stderr: '',
      code: 0,
    })
    expect(sb.run(['api-resources', '--namespaced', '-o', 'name', '--api-group=apps']).stdout).to.equal('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n')
    expect(sb.run(['api-resources', '--no-headers', '--api-group', 'coordination.k8s.io']).stdout).to.equal('leases         coordination.k8s.io/v1   true   Lease\n')
    expect(sb.run(['api-resources', '--namespaced=false', '--verbs=get,deletecollection', '-o', 'name']).stdout).to.equal('nodes\npersistentvolumes\ncustomresourcedefinitions.apiextensions.k8s.io\nruntimeclasses.node.k8s.io\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\npriorityclasses.scheduling.k8s.io\nstorageclasses.storage.k8s.io\n')
    expect(sb.run(['api-resources', '--verbs', 'list', '--verbs', 'watch', '--namespaced=false', '-o', 'name']).stdout).to.equal('namespaces\nnodes\npersistentvolumes\ncustomresourcedefinitions.apiextensions.k8s.io\nruntimeclasses.node.k8s.io\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\npriorityclasses.scheduling.k8s.io\nstorageclasses.storage.k8s.io\n')
    expect(sb.run(['api-resources', '--categories=all', '-o', 'name']).stdout).to.equal('pods\nreplicationcontrollers\nservices\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\ncronjobs.batch\njobs.batch\n')
    expect(sb.run(['api-resources', '--categories=all,api-extensions', '-o', 'name']).stdout).to.equal('')
    expect(sb.run(['api-resources', '--categories=api-extensions', '-o', 'name']).stdout).to.equal('customresourcedefinitions.apiextensions.k8s.io\n')
    // nothing left: kubectl still prints the header
    expect(sb.run(['api-resources', '--api-group', 'networking.k8s.io'])).to.deep.equal({stdout: 'NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n', stderr: '', code: 0})
  })

  it('accepts --cached (ksim has no discovery cache) and prints the same list', () => {
    expect(sb.run(['api-resources', '--cached', '-o', 'name']).stdout).to.equal(sb.run(['api-resources', '-o', 'name']).stdout)
  })

  it('refuses arguments, other outputs and other sort keys with kubectl’s words', () => {
    expect(sb.run(['api-resources', 'pods', 'nodes'])).to.deep.equal({stdout: '', stderr: "error: unexpected arguments: [pods nodes]\nSee 'ksim api-resources -h' for help and examples\n", code: 1})
    expect(sb.run(['api-resources', '-o', 'json'])).to.deep.equal({stdout: '', stderr: 'error: --output json is not available\n', code: 1})
    expect(sb.run(['api-resources', '--sort-by', 'group'])).to.deep.equal({stdout: '', stderr: 'error: --sort-by accepts only name or kind\n', code: 1})
  })

  it('lists the served group/versions sorted as strings, v1 last', () => {
    expect(sb.run(['api-versions'])).to.deep.equal({stdout: 'apiextensions.k8s.io/v1\napps/v1\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nnode.k8s.io/v1\npolicy/v1\nrbac.authorization.k8s.io/v1\nscheduling.k8s.io/v1\nstorage.k8s.io/v1\nv1\n', stderr: '', code: 0})
    expect(sb.run(['api-versions', 'apps'])).to.deep.equal({stdout: '', stderr: "error: unexpected arguments: [apps]\nSee 'ksim api-versions -h' for help and examples\n", code: 1})
  })
})
