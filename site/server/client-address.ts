import net from 'node:net'

/**
 * The client's address for rate limits and the audit log. Without a trusted proxy it is the socket's peer.
 * Behind `hops` trusted proxies, each proxy appends the address it received the request from to
 * `X-Forwarded-For`, so the client is the `hops`-th entry from the right; everything further left was written
 * by the client itself and is never believed (anyone can send `X-Forwarded-For: 1.2.3.4` to dodge a limit).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const peer = socketAddress || 'unknown'
  if (hops === 0 || forwardedFor === undefined) return peer
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  // The chain as seen from this server: what the proxies wrote, then the nearest proxy (the socket's peer).
  const chain = [...entries, peer]
  // Fewer entries than proxies: a proxy added nothing, so the furthest address a trusted proxy vouches for.
  const candidate = chain[Math.max(0, chain.length - 1 - hops)] ?? peer
  return net.isIP(candidate) ? candidate : peer
}
