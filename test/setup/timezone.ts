/**
 * Jest global setup: the suite runs in Việt Nam time, the users' own, whatever the
 * machine's zone. "Today" and the "checked at" stamp are local (src/core/clock.ts), so
 * the times tests expect are Hà Nội times. Set here, before the workers start, because a
 * test file's process.env is a copy and a zone set there never reaches the Date object.
 */
export default function setTimezone(): void {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
}
