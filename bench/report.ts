import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resultsDir, root } from './support/results'

/**
 * The sections of docs/performance.md, in its order: each is bench/results/<name>.md, written by the
 * bench file of that name.
 */
const sections = ['bundle', 'first-row', 'typing', 'heap', 'scroll', 'editor', 'history', 'large-compare', 'preview', 'proxy', 'page-budget', 'bulk-delete', 'audit-store', 'audit-export']

/**
 * The bench's global setup: notes when the run began; its teardown puts the sections this run wrote
 * into bench/results/latest.md and, when the run measured every one (not narrowed with -g or a file),
 * between the bench markers of docs/performance.md.
 */
export default function benchReport() {
  const began = Date.now()
  return () => {
    const fresh = sections.filter((name) => {
      const file = join(resultsDir, `${name}.md`)
      return existsSync(file) && statSync(file).mtimeMs >= began
    })
    if (fresh.length === 0) return
    const header = `Measured ${new Date().toISOString()} on ${process.version}, ${process.platform}, by \`npm run bench\`.`
    const table = [header, '', ...fresh.map((name) => readFileSync(join(resultsDir, `${name}.md`), 'utf8').trim()), ''].join('\n\n')
    writeFileSync(join(resultsDir, 'latest.md'), table)
    if (fresh.length < sections.length) return
    const docPath = join(root, 'docs', 'performance.md')
    const doc = readFileSync(docPath, 'utf8')
    writeFileSync(docPath, doc.replace(/(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/, `$1${table}$2`))
  }
}
