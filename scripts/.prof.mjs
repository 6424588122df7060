import { readFileSync, readdirSync } from 'node:fs'
import { SourceMapConsumer } from 'source-map-js'
const profiles = JSON.parse(readFileSync('/tmp/profiles.json', 'utf8'))
const dir = 'dist/client/assets'
const maps = {}
for (const f of readdirSync(dir).filter((f) => f.endsWith('.js.map'))) maps[f.replace('.map', '')] = new SourceMapConsumer(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')))
const self = {}
const byFile = {}
let total = 0
for (const profile of profiles) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const dt = profile.timeDeltas
  const counts = new Map()
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)))
  for (const [id, us] of counts) {
    const n = nodes.get(id)
    const cf = n.callFrame
    let name = cf.functionName || '(anon)'
    let file = cf.url.split('/').pop() || cf.url || '(native)'
    if (maps[file] && cf.lineNumber >= 0) {
      const pos = maps[file].originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber })
      if (pos.source) { file = pos.source.replace(/.*node_modules\//, 'nm:').replace(/^(\.\.\/)+/, ''); name = (pos.name ?? name) }
    }
    const key = `${file} ${name}`
    self[key] = (self[key] ?? 0) + us / 1000 / profiles.length
    const fkey = file.replace(/^nm:((@[^/]+\/)?[^/]+).*/, 'nm:$1')
    byFile[fkey] = (byFile[fkey] ?? 0) + us / 1000 / profiles.length
    total += us / 1000 / profiles.length
  }
}
console.log('total sampled ms', total.toFixed(1))
for (const [k, v] of Object.entries(byFile).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(7), k)
console.log('--- functions')
for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(7), k)
