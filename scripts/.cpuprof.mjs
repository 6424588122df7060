import { readFileSync, readdirSync } from 'node:fs'
const dir = '/tmp/proxyprof'
const profile = JSON.parse(readFileSync(`${dir}/${readdirSync(dir)[0]}`, 'utf8'))
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const self = new Map()
const total = new Map()
let all = 0
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0
  all += us
  const n = nodes.get(id)
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, 'nm:').replace(/.*\/dist\//, 'dist/')}:${n.callFrame.lineNumber}`
  self.set(key, (self.get(key) ?? 0) + us)
  // inclusive by package
  const seen = new Set()
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const u = nodes.get(cur).callFrame.url
    const pkg = u.includes('node_modules') ? u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : u.startsWith('node:') ? u : u.includes('dist/server') ? 'app' : u || '(native)'
    if (seen.has(pkg)) continue
    seen.add(pkg)
    total.set(pkg, (total.get(pkg) ?? 0) + us)
  }
})
console.log('total ms', (all / 1000).toFixed(0))
console.log('inclusive by package:')
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / all * 100).toFixed(1).padStart(6) + '%', k)
console.log('self:')
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / all * 100).toFixed(1).padStart(6) + '%', k)
