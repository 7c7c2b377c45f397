// kubectl's -o go-template printer. Every expected string below is what the real kubectl 1.35.2
// printed for the same object (served to it by a test server) and the same template.
import {expect} from 'chai'

import {executeGoTemplate, GoTemplateError, parseGoTemplate} from '../../src/printers/go-template.js'

const POD = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "default", "resourceVersion": "5", "uid": "u-a", "labels": {"app": "web", "tier": "fe"}, "creationTimestamp": "2026-01-01T00:00:00Z", "managedFields": [{"apiVersion": "v1", "fieldsType": "FieldsV1", "fieldsV1": {"f:spec": {}}, "manager": "kubectl", "operation": "Update", "time": "2026-01-01T00:00:00Z"}]}, "spec": {"containers": [{"name": "c", "image": "nginx", "ports": [{"containerPort": 80}, {"containerPort": 443}]}, {"name": "d", "image": "busybox"}], "terminationGracePeriodSeconds": 30, "big": 1000000, "ratio": 0.5, "nothing": null, "flag": true, "b64": "aGVsbG8gd29ybGQ=", "html": "<a href='x'>&</a>", "empty": "", "emptyList": [], "emptyMap": {}}, "status": {"phase": "Running"}} as Record<string, unknown>

function run(template: string): string | {error: string} {
  try {
    return executeGoTemplate(parseGoTemplate(template), POD)
  } catch (e) {
    if (e instanceof GoTemplateError) return {error: e.message}
    throw e
  }
}

describe('go-template printer', () => {
  const cases: [string, string | {error: string}][] = [
    ["{{.metadata.name}}", "a"],
    ["{{.metadata.nope}}", "<no value>"],
    ["{{.metadata.nope.x}}", "<no value>"],
    ["{{.spec.terminationGracePeriodSeconds}} {{.spec.big}} {{.spec.ratio}} {{.spec.flag}}", "30 1000000 0.5 true"],
    ["{{.metadata.labels}}", "map[app:web tier:fe]"],
    ["{{.spec.containers}}", "[map[image:nginx name:c ports:[map[containerPort:80] map[containerPort:443]]] map[image:busybox name:d]]"],
    ["{{range .spec.containers}}{{.name}}:{{.image}} {{end}}", "c:nginx d:busybox "],
    ["{{range $i, $c := .spec.containers}}{{$i}}={{$c.name}},{{end}}", "0=c,1=d,"],
    ["{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}", "app=web;tier=fe;"],
    ["{{range .spec.emptyList}}x{{else}}none{{end}}", "none"],
    ["{{if .spec.empty}}a{{else if .spec.flag}}b{{else}}c{{end}}", "b"],
    ["{{with .metadata.nope}}x{{else}}w-else{{end}}", "w-else"],
    ["{{$n := .metadata.name}}{{$n}}-{{$.kind}}", "a-Pod"],
    ["{{index .metadata.labels \"app\"}} {{index .spec.containers 1 \"name\"}}", "web d"],
    ["{{len .spec.containers}} {{len .metadata.name}} {{len .metadata.labels}}", "2 1 2"],
    ["{{printf \"%s has %d\" .metadata.name (len .spec.containers)}} {{printf \"%d\" .spec.terminationGracePeriodSeconds}}", "a has 2 30"],
    ["{{printf \"%5.2f|%-8v|%08d|%+d|%x|%X|%o|%c|%q|%e|%g\" .spec.ratio .metadata.name 42 5 255 255 8 65 66 .spec.ratio .spec.ratio}}", " 0.50|a       |00000042|+5|ff|FF|10|A|'B'|5.000000e-01|0.5"],
    ["{{printf \"%s\"}}{{printf \"x\" 1}}{{printf \"%f\" .spec.big}}", "%!s(MISSING)x%!(EXTRA int=1)%!f(int64=1000000)"],
    ["{{print .metadata.name 1 2 \"a\" \"b\" .spec.flag}}", "a1 2abtrue"],
    ["{{println .metadata.name 3}}", "a 3\n"],
    ["{{html .spec.html}} {{js .spec.html}} {{urlquery .spec.html \"a b\"}}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; \\u003Ca href\\u003D\\'x\\'\\u003E\\u0026\\u003C/a\\u003E %3Ca+href%3D%27x%27%3E%26%3C%2Fa%3Ea+b"],
    ["{{base64decode .spec.b64}}", "hello world"],
    ["{{eq .metadata.name \"a\"}} {{ne .metadata.name \"a\"}} {{eq .metadata.name \"x\" \"a\"}} {{eq .spec.terminationGracePeriodSeconds 30}} {{eq .metadata.nope \"x\"}}", "true false true true false"],
    ["{{lt .spec.ratio 1.0}} {{ge 3 2}} {{le \"a\" \"b\"}} {{gt 1 2}}", "true true true false"],
    ["{{and .spec.flag .metadata.name}} {{or .spec.empty .metadata.name}} {{not .spec.flag}} {{and .spec.empty 1}}", "a a false "],
    ["{{exists . \"metadata\" \"labels\"}} {{exists . \"nope\"}}", "true false"],
    ["a  {{- .metadata.name -}}  b", "aab"],
    ["{{/* comment */}}x {{- /* c2 */ -}} y", "xy"],
    ["{{range .spec.terminationGracePeriodSeconds}}{{.}}{{end}}", "01234567891011121314151617181920212223242526272829"],
    ["{{range $i, $c := .spec.containers}}{{if eq $i 1}}{{break}}{{end}}{{$c.name}}{{end}}", "c"],
    ["{{define \"x\"}}[{{.}}]{{end}}{{template \"x\" .metadata.name}}{{template \"x\"}}", "[a][<no value>]"],
    ["{{slice .metadata.name 0 1}} {{slice .spec.containers 1}} {{slice \"hello\" 1 3}}", "a [map[image:busybox name:d]] el"],
    ["{{.metadata.name | printf \"<%s>\"}} {{printf \"%T %T\" .spec.big .spec.ratio}}", "<a> int64 float64"],
    ["{{.metadata.name", {error: "error parsing template {{.metadata.name, template: output:1: unclosed action"}],
    ["{{foo .metadata.name}}", {error: "error parsing template {{foo .metadata.name}}, template: output:1: function \"foo\" not defined"}],
    ["{{end}}", {error: "error parsing template {{end}}, template: output:1: unexpected {{end}}"}],
    ["{{if .x}}", {error: "error parsing template {{if .x}}, template: output:1: unexpected EOF"}],
    ["{{.metadata.name}", {error: "error parsing template {{.metadata.name}, template: output:1: bad character U+007D '}'"}],
    ["{{@}}", {error: "error parsing template {{@}}, template: output:1: unexpected \"@\" in command"}],
    // the lexer's error counts only once the parser reads that far, as Go's lazy lexer
    ['{{ if eq .metadata.name \\"x\\" }}found{{end}}:', {error: 'error parsing template {{ if eq .metadata.name \\"x\\" }}found{{end}}:, template: output:1: unexpected "\\\\" in operand'}],
    ['{{ .metadata.name }}{{ if }}{{ "x }}', {error: 'error parsing template {{ .metadata.name }}{{ if }}{{ "x }}, template: output:1: missing value for if'}],
    ['{{ .a @ "x }}', {error: 'error parsing template {{ .a @ "x }}, template: output:1: unexpected "@" in operand'}],
    ['{{ (.a "x }}', {error: 'error parsing template {{ (.a "x }}, template: output:1: unterminated quoted string'}],
    ["{{block \"b\" .kind}}<{{.}}>{{end}}{{define \"b\"}}override {{.}}{{end}}", {error: "error parsing template {{block \"b\" .kind}}<{{.}}>{{end}}{{define \"b\"}}override {{.}}{{end}}, template: output:1: template: multiple definition of template \"b\""}],
    ["{{.metadata.name.x}}", {error: "error executing template \"{{.metadata.name.x}}\": template: output:1:11: executing \"output\" at <.metadata.name.x>: can't evaluate field x in type interface {}"}],
    ["{{.spec.nothing.x}}", {error: "error executing template \"{{.spec.nothing.x}}\": template: output:1:7: executing \"output\" at <.spec.nothing.x>: nil pointer evaluating interface {}.x"}],
    ["{{index .metadata 3}}", {error: "error executing template \"{{index .metadata 3}}\": template: output:1:2: executing \"output\" at <index .metadata 3>: error calling index: value has type int; should be string"}],
    ["{{index .spec.containers 5}}", {error: "error executing template \"{{index .spec.containers 5}}\": template: output:1:2: executing \"output\" at <index .spec.containers 5>: error calling index: index out of range: 5"}],
    ["{{eq .spec.terminationGracePeriodSeconds 30.0}}", {error: "error executing template \"{{eq .spec.terminationGracePeriodSeconds 30.0}}\": template: output:1:2: executing \"output\" at <eq .spec.terminationGracePeriodSeconds 30.0>: error calling eq: incompatible types for comparison: int64 and float64"}],
    ["{{.metadata.name 1}}", {error: "error executing template \"{{.metadata.name 1}}\": template: output:1:11: executing \"output\" at <.metadata.name>: name is not a method but has arguments"}],
    ["{{not 1 2}}", {error: "error executing template \"{{not 1 2}}\": template: output:1:2: executing \"output\" at <not>: wrong number of args for not: want 1 got 2"}],
    ["{{printf 3}}", {error: "error executing template \"{{printf 3}}\": template: output:1:9: executing \"output\" at <3>: expected string; found 3"}],
    ["{{base64decode .spec.flag}}", {error: "error executing template \"{{base64decode .spec.flag}}\": template: output:1:20: executing \"output\" at <.spec.flag>: wrong type for value; expected string; got bool"}],
    ["{{base64decode \"!!\"}}", {error: "error executing template \"{{base64decode \\\"!!\\\"}}\": template: output:1:2: executing \"output\" at <base64decode \"!!\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0"}],
    ["{{template \"nope\"}}", {error: "error executing template \"{{template \\\"nope\\\"}}\": template: output:1:11: executing \"output\" at <{{template \"nope\"}}>: template \"nope\" not defined"}],
    ["{{len .nope}}", {error: "error executing template \"{{len .nope}}\": template: output:1:2: executing \"output\" at <len .nope>: error calling len: reflect: call of reflect.Value.Type on zero Value"}],

  ]
  for (const [template, want] of cases) {
    it(`prints ${JSON.stringify(template)} as kubectl 1.35 does`, () => {
      expect(run(template)).to.deep.equal(want)
    })
  }

  it('writes what it printed so far and kubectl\'s debugging text to stdout before an exec error', () => {
    const template = '{{.metadata.name}}-{{index .metadata 3}}'
    let err: unknown
    try {
      executeGoTemplate(parseGoTemplate(template), POD)
    } catch (e) {
      err = e
    }
    expect(err).to.be.instanceOf(GoTemplateError)
    expect((err as GoTemplateError).output).to.equal("a-Error executing template: template: output:1:21: executing \"output\" at <index .metadata 3>: error calling index: value has type int; should be string. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{{.metadata.name}}-{{index .metadata 3}}\n\traw data was:\n\t\t{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2026-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"tier\":\"fe\"},\"managedFields\":[{\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{}},\"manager\":\"kubectl\",\"operation\":\"Update\",\"time\":\"2026-01-01T00:00:00Z\"}],\"name\":\"a\",\"namespace\":\"default\",\"resourceVersion\":\"5\",\"uid\":\"u-a\"},\"spec\":{\"b64\":\"aGVsbG8gd29ybGQ=\",\"big\":1000000,\"containers\":[{\"image\":\"nginx\",\"name\":\"c\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443}]},{\"image\":\"busybox\",\"name\":\"d\"}],\"empty\":\"\",\"emptyList\":[],\"emptyMap\":{},\"flag\":true,\"html\":\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\",\"nothing\":null,\"ratio\":0.5,\"terminationGracePeriodSeconds\":30},\"status\":{\"phase\":\"Running\"}}\n\tobject given to template engine was:\n\t\tmap[apiVersion:v1 kind:Pod metadata:map[creationTimestamp:2026-01-01T00:00:00Z labels:map[app:web tier:fe] managedFields:[map[apiVersion:v1 fieldsType:FieldsV1 fieldsV1:map[f:spec:map[]] manager:kubectl operation:Update time:2026-01-01T00:00:00Z]] name:a namespace:default resourceVersion:5 uid:u-a] spec:map[b64:aGVsbG8gd29ybGQ= big:1000000 containers:[map[image:nginx name:c ports:[map[containerPort:80] map[containerPort:443]]] map[image:busybox name:d]] empty: emptyList:[] emptyMap:map[] flag:true html:<a href='x'>&</a> nothing:<nil> ratio:0.5 terminationGracePeriodSeconds:30] status:map[phase:Running]]\n\n")
  })

  it('sees every whole number as an int64 and others as float64, as kubectl decodes objects', () => {
    expect(run('{{printf "%T %T %T %T" .spec.big .spec.ratio 3 1.0}}')).to.equal('int64 float64 int float64')
  })
})
