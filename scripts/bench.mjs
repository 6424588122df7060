#!/usr/bin/env node
// `npm run bench`: measurements that must never be pass/fail tests (these machines are noisy).
// Writes bench/results/latest.json and latest.md. Run `npm run build` first.
import { mkdirSync, writeFileSync } from 'node:fs'
import { bundleTable, measureBundle } from './bundle-size.mjs'

const bundle = measureBundle()
const results = { date: new Date().toISOString(), node: process.version, bundle }
const markdown = [`# Flows Admin benchmarks (${results.date}, Node ${process.version})`, '', '## Initial page weight', '', bundleTable(bundle), ''].join('\n')

mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`)
writeFileSync('bench/results/latest.md', markdown)
console.log(markdown)
console.log('Wrote bench/results/latest.json and bench/results/latest.md')
