/** The notice a person receives: defined in src/runtime/statement-notice.ts, which a compiled module inlines too. */
export { noticeOfReasons, renderNotice, type Notice } from '../runtime/statement-notice.js';
