// The scale sweep's chart (`npm run bench -- --report`), written as SVG text: no chart library. Two
// panels over the pod count (log scale): seconds to create, to Running, to list and to delete, and the
// reconciler's peak RSS. Both axes are logarithmic, so cost that grows linearly with the pod count is a
// line of slope one (the dotted guide) and anything steeper grows faster than linearly.

const W = 760
const PANEL_H = 300
const M = {left: 64, right: 150, top: 34, bottom: 44}
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e']

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const fmt = (v) => (v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(2))))

/** Decades (1, 10, 100...) covering [lo, hi], for a log axis. */
function decades(lo, hi) {
  const out = []
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e)
  return out
}

/** One panel: `series` ({label, points: [[x, y]]}) at vertical offset `top`. */
function panel({title, yLabel, series, top, xs}) {
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((y) => y > 0)
  const xTicks = decades(Math.min(...xs), Math.max(...xs))
  const yTicks = decades(Math.min(...ys), Math.max(...ys))
  const [x0, x1] = [Math.log10(xTicks[0]), Math.log10(xTicks.at(-1))]
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks.at(-1))]
  const pw = W - M.left - M.right
  const ph = PANEL_H - M.top - M.bottom
  const X = (x) => M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * pw
  const Y = (y) => top + M.top + ph - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * ph
  const out = [`<text x="${M.left}" y="${top + 20}" font-weight="bold">${esc(title)}</text>`]
  for (const t of xTicks) out.push(`<line x1="${X(t)}" x2="${X(t)}" y1="${Y(yTicks[0])}" y2="${Y(yTicks.at(-1))}" stroke="#ddd"/><text x="${X(t)}" y="${Y(yTicks[0]) + 16}" text-anchor="middle">${fmt(t)}</text>`)
  for (const t of yTicks) out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${Y(t)}" y2="${Y(t)}" stroke="#ddd"/><text x="${M.left - 6}" y="${Y(t) + 4}" text-anchor="end">${fmt(t)}</text>`)
  out.push(`<text x="${M.left + pw / 2}" y="${top + PANEL_H - 6}" text-anchor="middle">pods</text>`)
  out.push(`<text transform="translate(16 ${top + M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`)
  // slope one through the first point of the first series: linear growth
  const [fx, fy] = series[0].points[0]
  const gx = xTicks.at(-1)
  out.push(`<line x1="${X(fx)}" y1="${Y(fy)}" x2="${X(gx)}" y2="${Y(Math.min(fy * (gx / fx), yTicks.at(-1)))}" stroke="#999" stroke-dasharray="2 4"/>`)
  series.forEach((s, i) => {
    const c = COLOURS[i % COLOURS.length]
    const pts = s.points.filter((p) => p[1] > 0)
    out.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"/>`)
    for (const [x, y] of pts) out.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${c}"><title>${esc(`${s.label}: ${fmt(x)} pods, ${y} ${yLabel}`)}</title></circle>`)
    const ly = top + M.top + 14 + i * 18
    out.push(`<line x1="${W - M.right + 12}" x2="${W - M.right + 32}" y1="${ly - 4}" y2="${ly - 4}" stroke="${c}" stroke-width="2"/><text x="${W - M.right + 38}" y="${ly}">${esc(s.label)}</text>`)
  })
  const ly = top + M.top + 14 + series.length * 18
  out.push(`<line x1="${W - M.right + 12}" x2="${W - M.right + 32}" y1="${ly - 4}" y2="${ly - 4}" stroke="#999" stroke-dasharray="2 4"/><text x="${W - M.right + 38}" y="${ly}">linear</text>`)
  return out.join('\n')
}

/** The SVG document for the sweep's results (one entry per size, as measureSize returns them). */
export function scaleChart(results) {
  const xs = results.map((r) => r.pods)
  const pts = (k) => results.map((r) => [r.pods, Number(r[k].toFixed(3))])
  const times = [
    {label: 'create -f', points: pts('create_s')},
    {label: 'to Running', points: pts('running_s')},
    {label: 'get pods', points: pts('get_s')},
    {label: 'delete --all', points: pts('delete_s')},
  ]
  const rss = [{label: 'peak RSS', points: pts('rss_mb')}]
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${2 * PANEL_H}" viewBox="0 0 ${W} ${2 * PANEL_H}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    panel({title: 'ksim scale sweep: seconds', yLabel: 'seconds', series: times, top: 0, xs}),
    panel({title: 'reconciler peak RSS', yLabel: 'MB', series: rss, top: PANEL_H, xs}),
    '</svg>',
    '',
  ].join('\n')
}
