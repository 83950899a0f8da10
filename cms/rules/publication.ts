import { periodBounds, periodOf } from './periods.ts'

// Scheduling a publication from the back office: a day and a time on the 24-hour clock in Bamako, checked here
// so that the form says in French what is wrong (cms/admin/SchedulePublication.tsx).

/** The times offered, every quarter of an hour: "00:00" … "23:45". */
export const SCHEDULE_TIMES: readonly string[] = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`)

/** The instant of a day (`YYYY-MM-DD`) and time (`HH:MM`, 24 h) in Bamako, or why it cannot be scheduled. */
export function scheduleInstant(day: string, time: string, now: Date): { ok: true; at: Date } | { ok: false; message: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { ok: false, message: 'Choisissez le jour de la publication.' }
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  if (!match) return { ok: false, message: 'Choisissez l’heure de la publication (de 00:00 à 23:45).' }
  let midnight: Date
  try {
    midnight = periodBounds(periodOf('day', day)).start
  } catch {
    return { ok: false, message: `Jour invalide : « ${day} ».` }
  }
  const at = new Date(midnight.getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60_000)
  if (at.getTime() <= now.getTime()) return { ok: false, message: 'Ce moment est déjà passé : choisissez un jour et une heure à venir.' }
  return { ok: true, at }
}
