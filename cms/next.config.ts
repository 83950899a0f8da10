import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Next must use the server's own copy of payload and the adapters, not a bundled one: one instance per process
  // and errors that stay `instanceof` Payload's classes (docs/architecture.md, trap 1).
  serverExternalPackages: ['payload', '@payloadcms/db-sqlite', '@payloadcms/drizzle', '@payloadcms/db-mongodb', 'libsql', '@libsql/client', 'mongodb', 'tar-stream'],
  turbopack: { root: path.resolve(import.meta.dirname, '..') },
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
