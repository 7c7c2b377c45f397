import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('ksim create cronjob, create job --from, set image on a cronjob (API only)', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-cronjob-cmd-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('creates a cron job from flags, OnFailure by default, and lists it', () => {
    expect(sb.run(['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'])).to.deep.equal({stdout: 'cronjob.batch/hello created\n', stderr: '', code: 0})
    expect(sb.run(['create', 'cj', 'never', '--image=busybox', '--schedule=@hourly', '--restart=Never', '-o', 'name']).stdout).to.equal('cronjob.batch/never\n')
    expect(sb.run(['get', 'cj', 'hello', '-o', 'jsonpath={.spec.jobTemplate.spec.template.spec.restartPolicy} {.spec.jobTemplate.spec.template.spec.containers[0].command}']).stdout).to.equal('OnFailure ["date"]')
    expect(sb.run(['get', 'cronjobs', '--no-headers']).stdout).to.match(/^hello\s+\*\/5 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s\nnever\s+@hourly\s+<none>\s+False\s+0\s+<none>\s+\d+s\n$/)
  })

  it('refuses missing flags and bad schedules as kubectl and the API server do, creating nothing', () => {
    expect(sb.run(['create', 'cronjob', 'x'])).to.deep.equal({stdout: '', stderr: 'error: required flag(s) "image", "schedule" not set\n', code: 1})
    expect(sb.run(['create', 'cronjob', 'x', '--image=busybox']).stderr).to.equal('error: required flag(s) "schedule" not set\n')
    expect(sb.run(['create', 'cronjob', 'x', '--image=busybox', '--schedule=61 * * * *']).stderr).to.equal(
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n',
    )
    expect(sb.run(['create', 'cronjob', 'x', '--image=busybox', '--schedule=* * * * *', '--restart=Always']).stderr).to.equal(
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
    )
    expect(sb.run(['get', 'cronjobs']).stderr).to.equal('No resources found in default namespace.\n')
  })

  it('creates a Job from a cron job\'s template, owned by it and marked manual', () => {
    sb.run(['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/5 * * * *'])
    expect(sb.run(['create', 'job', 'now', '--from=cronjob/hello'])).to.deep.equal({stdout: 'job.batch/now created\n', stderr: '', code: 0})
    const uid = sb.run(['get', 'cj', 'hello', '-o', 'jsonpath={.metadata.uid}']).stdout
    expect(sb.run(['get', 'job', 'now', '-o', 'jsonpath={.metadata.annotations} {.metadata.ownerReferences[0].uid} {.spec.template.spec.containers[0].name}']).stdout).to.equal(
      `{"cronjob.kubernetes.io/instantiate":"manual"} ${uid} hello`,
    )
    expect(sb.run(['create', 'job', 'x', '--from=cronjob/missing'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): cronjobs.batch "missing" not found\n', code: 1})
    expect(sb.run(['create', 'job', 'x', '--from=cronjob/hello', '--image=busybox']).stderr).to.equal('error: either --image or --from must be specified\n')
    expect(sb.run(['create', 'job', 'x', '--from=cronjob/hello', '--', 'date']).stderr).to.equal('error: cannot specify --from and command\n')
    sb.run(['create', 'deployment', 'web', '--image=nginx'])
    expect(sb.run(['create', 'job', 'x', '--from=deployment/web']).stderr).to.equal('error: unknown object type *v1.Deployment\n')
    expect(sb.run(['create', 'job', 'now', '--from=cronjob/hello']).stderr).to.equal('error: failed to create job: jobs.batch "now" already exists\n')
  })

  it('sets the image of a cron job\'s job template', () => {
    sb.run(['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/5 * * * *'])
    expect(sb.run(['set', 'image', 'cronjob/hello', 'hello=busybox:1.36'])).to.deep.equal({stdout: 'cronjob.batch/hello image updated\n', stderr: '', code: 0})
    expect(sb.run(['get', 'cj', 'hello', '-o', 'jsonpath={.spec.jobTemplate.spec.template.spec.containers[0].image}']).stdout).to.equal('busybox:1.36')
  })
})
