// Prints what Alpaca's official TypeScript SDK reads from /v2/calendar and /v2/clock at the base URL
// given as the first argument, as one JSON line, for OfficialSdkCalendarTests to check.
import { trading } from '@alpacahq/alpaca-trade-api';

const [basePath, start, end] = process.argv.slice(2);
const config = new trading.Configuration({ basePath, keyId: 'PKSDKCHECK', secret: 'sdk-check', retry: false });
const days = await new trading.CalendarApi(config).legacyCalendar({ start: new Date(start), end: new Date(end) });
const clock = await new trading.ClockApi(config).legacyClock();
console.log(JSON.stringify({
  days: days.map(d => ({ date: d.date.toISOString().slice(0, 10), open: d.open, close: d.close })),
  clock: { isOpen: clock.isOpen, nextOpen: clock.nextOpen.toISOString(), nextClose: clock.nextClose.toISOString() },
}));
