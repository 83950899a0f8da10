import fs from 'node:fs'
import v8 from 'node:v8'

/** The memory figures of the portal process, in megabytes: V8 heap, its limit, buffers outside it, and resident size. */
export type TMemoryReport = { at: string; rss: number; heapUsed: number; heapTotal: number; heapLimit: number; external: number; arrayBuffers: number }

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

/** This process's memory now. */
export function memoryReport(): TMemoryReport {
  const usage = process.memoryUsage()
  return {
    at: new Date().toISOString(),
    rss: mb(usage.rss),
    heapUsed: mb(usage.heapUsed),
    heapTotal: mb(usage.heapTotal),
    heapLimit: mb(v8.getHeapStatistics().heap_size_limit),
    external: mb(usage.external),
    arrayBuffers: mb(usage.arrayBuffers),
  }
}

/**
 * For `npm run bench:load` (and anyone diagnosing memory on a server): with MEMORY_REPORT_FILE set, the process
 * rewrites that file every second with `memoryReport()`, so where the memory goes (V8 heap, or outside it: buffers,
 * native code, libsql) can be read from outside without a debugger. Written whole then renamed: never half a file.
 */
export function startMemoryReport(file: string): void {
  const write = () => {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(memoryReport()))
    fs.renameSync(`${file}.tmp`, file)
  }
  write()
  setInterval(write, 1000).unref()
}
