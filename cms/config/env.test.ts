import { describe, expect, it } from 'vitest'
import { assertSafeForProduction, DEV_SECRET, parseEnv } from './env.ts'

describe('parseEnv', () => {
  it('gives safe local defaults', () => {
    const env = parseEnv({})
    expect(env.PORT).toBe(4321)
    expect(env.publicUrl).toBe('http://localhost:4321')
    expect(env.seedDemo).toBe(true)
    expect(env.behindTls).toBe(false)
  })
  it('refuses production with the default or a missing secret', () => {
    expect(() => assertSafeForProduction(parseEnv({ NODE_ENV: 'production' }))).toThrow(/PAYLOAD_SECRET/)
    expect(() => assertSafeForProduction(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: DEV_SECRET }))).toThrow(/PAYLOAD_SECRET/)
    expect(() => assertSafeForProduction(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' }))).toThrow(/PAYLOAD_SECRET/)
    expect(() => assertSafeForProduction(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) }))).not.toThrow()
    expect(() => assertSafeForProduction(parseEnv({}))).not.toThrow()
  })
  it('creates no demo accounts in production unless asked', () => {
    const secret = 'x'.repeat(40)
    expect(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret }).seedDemo).toBe(false)
    expect(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret, SEED_DEMO: 'true' }).seedDemo).toBe(true)
  })
  it('detects TLS from the public URL', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://portail.example.ml/' })).toMatchObject({ behindTls: true, publicUrl: 'https://portail.example.ml' })
  })
  it('trusts every loopback name outside production, only PUBLIC_URL in production', () => {
    expect(parseEnv({ PORT: '5000' }).trustedOrigins).toEqual(['http://localhost:5000', 'http://127.0.0.1:5000', 'http://[::1]:5000'])
    expect(parseEnv({ PUBLIC_URL: 'http://portail.local:8080/' }).trustedOrigins).toContain('http://portail.local:8080')
    expect(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portail.example.ml/', PAYLOAD_SECRET: 'x'.repeat(40) }).trustedOrigins).toEqual(['https://portail.example.ml'])
  })
  it('reads TRUST_PROXY as a number of proxies, true meaning one', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0)
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0)
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
    expect(() => parseEnv({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/)
  })
  it('queues the daily routine on the clock unless DAILY_ROUTINE is false', () => {
    expect(parseEnv({}).DAILY_ROUTINE).toBe(true)
    expect(parseEnv({ DAILY_ROUTINE: 'false' }).DAILY_ROUTINE).toBe(false)
    expect(() => parseEnv({ DAILY_ROUTINE: 'off' })).toThrow(/DAILY_ROUTINE/)
  })
  it('names the wrong variable', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT/)
  })
})
