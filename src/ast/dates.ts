/** True for an ISO `YYYY-MM-DD` string naming a day that exists: the runtime's check, one definition. */
export { isDate as isValidIsoDate } from '../runtime/dates.js';
