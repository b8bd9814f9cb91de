export { createIcsCalendar, type IcsCalendar } from './ics-calendar';
