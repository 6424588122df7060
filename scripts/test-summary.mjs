#!/usr/bin/env node
// Prints one closing line for the whole test run, "N passed, N failed", from the JSON reports that
// Vitest (reports/unit.json) and Playwright (reports/e2e.json) write.
import { readFileSync } from 'node:fs'

const read = (path) => JSON.parse(readFileSync(path, 'utf8'))
const unit = read('reports/unit.json')
const e2e = read('reports/e2e.json')

const unitPassed = unit.numPassedTests
const unitFailed = unit.numFailedTests
const e2ePassed = e2e.stats.expected
const e2eFailed = e2e.stats.unexpected + e2e.stats.flaky

console.log(`unit and component: ${unitPassed} passed, ${unitFailed} failed`)
console.log(`end-to-end: ${e2ePassed} passed, ${e2eFailed} failed`)
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`)
if (unitFailed + e2eFailed > 0 || unitPassed === 0 || e2ePassed === 0) process.exit(1)
