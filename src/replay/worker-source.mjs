// The replay worker when bylaw runs from source (tests, tsx): a worker thread does not inherit
// tsx's loader from the main thread, so it registers it before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
export default (await import('./worker.ts')).default;
