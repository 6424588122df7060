import { expect } from 'vitest'
import { ConfigError, loadConfig } from './config'

/** The one line a configuration that must not start is refused with (and that it is a ConfigError). */
export function configErrorFor(env: Record<string, string>): string {
  let thrown: unknown
  try {
    loadConfig(env)
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(ConfigError)
  return (thrown as ConfigError).message
}
