import type { Channel } from '../shared/flow'
import { isChannelId } from '../shared/ids'
import { readOperatorsFile } from './auth/operators-file'
import type { Env } from './config-env'
import { ConfigError, isLoopback, type AuthConfig } from './config-types'

// The parts of the configuration that take more than a schema: sign-in, allowed hosts, channels, 8x8's address.

/** A host name, an IPv4 address or a bracketed IPv6 address, optionally with a port. */
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/

export function parseAllowedHosts(e: Env, auth: AuthConfig): string[] | undefined {
  if (e.ALLOWED_HOSTS === undefined) return undefined
  if (auth.mode === 'none') {
    throw new ConfigError('ALLOWED_HOSTS: is for AUTH_MODE basic or header; without sign-in only loopback names are ever accepted')
  }
  const hosts = e.ALLOWED_HOSTS.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean)
  for (const host of hosts) {
    const match = hostPattern.exec(host)
    if (!match || (match[1] !== undefined && !(Number(match[1]) >= 1 && Number(match[1]) <= 65535))) {
      throw new ConfigError(`ALLOWED_HOSTS: "${host}" is not a host name, optionally with :port (e.g. flows-admin.example.com or 10.0.0.7:8080)`)
    }
  }
  if (hosts.length === 0) throw new ConfigError('ALLOWED_HOSTS: lists no host')
  return hosts
}

export function parseAuth(e: Env): AuthConfig {
  const mode = e.AUTH_MODE ?? 'none'
  if (mode === 'none') {
    if (!isLoopback(e.HOST)) {
      throw new ConfigError(
        `AUTH_MODE: is ${e.AUTH_MODE ?? 'unset (none)'}, but HOST=${e.HOST} is not loopback: set AUTH_MODE=basic or AUTH_MODE=header before listening on a network`,
      )
    }
    return { mode }
  }
  if (mode === 'basic') {
    if (e.OPERATORS_FILE === undefined) {
      throw new ConfigError('OPERATORS_FILE: is required with AUTH_MODE=basic (one name:hash a line, from npm run hash-password)')
    }
    try {
      const { hashes, roles } = readOperatorsFile(e.OPERATORS_FILE)
      return { mode, operatorsFile: e.OPERATORS_FILE, operators: hashes, operatorRoles: roles }
    } catch (error) {
      throw new ConfigError(`OPERATORS_FILE: ${(error as Error).message}`, { cause: error })
    }
  }
  const trustedProxies = (e.TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean)
  if (trustedProxies.length === 0) {
    throw new ConfigError('TRUSTED_PROXIES: is required with AUTH_MODE=header: the addresses of the sign-in proxy, comma-separated')
  }
  const bad = trustedProxies.find((address) => !/^[0-9a-fA-F.:]+$/.test(address))
  if (bad !== undefined) throw new ConfigError(`TRUSTED_PROXIES: "${bad}" is not an IP address`)
  return { mode, header: e.AUTH_HEADER, trustedProxies }
}

/** `id` or `id=Display name`, comma-separated. */
export function parseChannels(raw: string): Channel[] {
  const channels: Channel[] = []
  for (const entry of raw.split(',')) {
    const trimmed = entry.trim()
    if (trimmed === '') continue
    const separator = trimmed.indexOf('=')
    const id = (separator === -1 ? trimmed : trimmed.slice(0, separator)).trim()
    const name = separator === -1 ? id : trimmed.slice(separator + 1).trim() || id
    if (!isChannelId(id)) {
      throw new ConfigError(
        `EIGHTX8_CHANNELS: "${id}" is not a channel id (letters, digits, "-" and "_", up to 128 characters)`,
      )
    }
    if (channels.some((c) => c.id === id)) {
      throw new ConfigError(`EIGHTX8_CHANNELS: channel "${id}" is listed twice`)
    }
    channels.push({ id, name })
  }
  if (channels.length === 0) {
    throw new ConfigError('EIGHTX8_CHANNELS: must list at least one channel id (comma-separated, optionally id=Name)')
  }
  return channels
}

export function parseBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`EIGHTX8_BASE_URL: "${raw}" is not a URL (expected e.g. https://chatapps.8x8.com)`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError('EIGHTX8_BASE_URL: must use https (plain http is accepted for loopback test servers only)')
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('EIGHTX8_BASE_URL: must be a plain origin with no credentials, query or fragment')
  }
  return url.href.replace(/\/+$/, '')
}
