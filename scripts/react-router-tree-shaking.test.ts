import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Plugin, type Rolldown } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { reactRouterTreeShaking, treeShakeableReactRouter } from './react-router-tree-shaking'

const production = join(process.cwd(), 'node_modules', 'react-router', 'dist', 'production')
const chunkFile = readdirSync(production).find((file) => /^chunk-.+\.mjs$/.test(file) && readFileSync(join(production, file), 'utf8').includes('forwardRef('))
const routerCode = readFileSync(join(production, chunkFile ?? 'missing'), 'utf8')

const forwardRefs = (code: string) => code.match(/React\d*\.forwardRef\(/g)?.length ?? 0
const pureForwardRefs = (code: string) => code.match(/\/\* @__PURE__ \*\/ React\d*\.forwardRef\(/g)?.length ?? 0
const displayNameWrites = (code: string) => code.match(/\.displayName = "/g)?.length ?? 0

describe('the transform of react-router’s production build', () => {
  it('marks every forwardRef initialiser pure and removes every displayName write', () => {
    expect(forwardRefs(routerCode)).toBeGreaterThan(0)
    expect(displayNameWrites(routerCode)).toBeGreaterThan(0)
    const out = treeShakeableReactRouter(routerCode)
    expect(pureForwardRefs(out)).toBe(forwardRefs(routerCode))
    expect(displayNameWrites(out)).toBe(0)
    // Nothing else changes: the text differs only by the annotations added and the lines removed.
    expect(out.replace(/\/\* @__PURE__ \*\/ (React\d*\.forwardRef\()/g, '$1').split('\n').filter((line) => line.trim() !== '')).toEqual(
      routerCode.split('\n').filter((line) => line.trim() !== '' && !/\.displayName = "/.test(line)),
    )
  })

  it('stops the build, naming the upstream fix, when the code no longer has that shape', () => {
    expect(() => treeShakeableReactRouter('export const Link = forwardRef(render)', 'chunk.mjs')).toThrow(/remix-run\/react-router#15299/)
  })
})

describe('a bundle that uses BrowserRouter and Link', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rr-tree-shaking-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(
    join(dir, 'entry.js'),
    "import { createElement } from 'react'\nimport { BrowserRouter, Link } from 'react-router'\nglobalThis.app = createElement(BrowserRouter, null, createElement(Link, { to: '/' }))\n",
  )

  async function bundle(plugins: Plugin[]): Promise<string> {
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      plugins,
      resolve: { alias: { 'react-router': join(production, 'index.mjs') } },
      build: { write: false, rolldownOptions: { input: join(dir, 'entry.js'), external: ['react', 'react-dom'] } },
    })) as Rolldown.RolldownOutput
    return output.output.map((file) => (file.type === 'chunk' ? file.code : '')).join('\n')
  }

  // Strings that only NavLink and Form (with its submission helpers) hold, and one of Link's.
  const navLink = 'aria-current'
  const form = 'application/x-www-form-urlencoded'
  const link = 'data-discover'

  it('keeps NavLink and Form without the plugin', async () => {
    const code = await bundle([])
    for (const text of [navLink, form, link]) expect(code.includes(text), text).toBe(true)
  })

  it('drops them with it, and keeps Link', async () => {
    const code = await bundle([reactRouterTreeShaking()])
    for (const text of [navLink, form]) expect(code.includes(text), text).toBe(false)
    expect(code.includes(link), link).toBe(true)
  })
})
