import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@playwright/test'
import { root, saveSection } from './support/results'

/** `npm run bench`: The first page's weight: its JS and CSS, gzip -9 (scripts/bundle-size.mjs). Nothing here passes or fails on a number. */

const results: Record<string, unknown> = {}
const markdown: string[] = []

test('initial page weight', () => {
  const jsonPath = join(root, 'test-results', 'bench', 'bundle.json')
  mkdirSync(join(root, 'test-results', 'bench'), { recursive: true })
  const table = execFileSync(process.execPath, ['scripts/bundle-size.mjs', '--json', jsonPath], { cwd: root, encoding: 'utf8' })
  results.bundle = JSON.parse(readFileSync(jsonPath, 'utf8'))
  markdown.push('### Initial page weight (JS + CSS, gzip -9)', '', table.trim(), '')
})

test.afterAll(() => saveSection('bundle', results, markdown))
