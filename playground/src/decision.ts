/**
 * The decision and its full explanation: for each outcome (Bylaw 1 has one) the action with its
 * duration, basis, deciding clause and exemption and because texts, and the version; then every
 * clause in the order the interpreter traced them, each linked to its source line, with the
 * values of its conditions and what each quantifier counted; and the CLI's text of it all. The
 * statement of reasons and the notice for the decision sit between the decision and the trace.
 */
import type { ClauseTrace, ConditionTrace, SourceRef } from '../../src/browser.js';
import type { DecideReply, OutcomeView, StatementView } from './protocol.js';

export type Reveal = (ref: SourceRef) => void;

export function renderDecision(target: HTMLElement, reply: DecideReply, reveal: Reveal): void {
  if (!reply.ok) {
    const box = el('div', 'problems');
    box.setAttribute('role', 'alert');
    box.append(el('h3', '', 'no decision'));
    const list = el('ul');
    for (const p of reply.problems) list.append(el('li', '', p));
    box.append(list);
    target.replaceChildren(box);
    return;
  }
  const { declared, outcomes, version, clauses, text, statement } = reply.result;
  const versionText = `${version.version}${version.effective ? ` (effective ${version.effective})` : ''} — ${version.file}`;
  const parts: HTMLElement[] = [];
  if (declared) {
    // One version for every outcome: said once, above them (as `bylaw decide --explain` does).
    const facts = el('dl', 'facts version');
    facts.append(el('dt', '', 'version'), el('dd', '', versionText));
    parts.push(facts);
    for (const outcome of outcomes) {
      const section = el('section', 'part');
      section.dataset.outcome = outcome.name;
      section.setAttribute('aria-label', `outcome ${outcome.name}`);
      section.append(...outcomeParts(outcome, outcome.name, `decision-action-${outcome.name}`, null, clauses, reveal));
      parts.push(section);
    }
  } else {
    // Bylaw 1: one action, laid out as before outcomes existed.
    parts.push(...outcomeParts(outcomes[0]!, 'decision', 'decision-action', versionText, clauses, reveal));
  }

  const trace = el('ol', 'trace');
  trace.setAttribute('aria-label', 'explanation: every clause, in the order it was traced');
  for (const clause of clauses) trace.append(clauseItem(clause, reveal));
  const traceHead = el('h3', '', `explanation (${clauses.length} clauses)`);
  const cli = el('details', 'cli-text');
  const pre = el('pre', '', text);
  pre.id = 'explain-text';
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', 'the explanation as `bylaw decide --explain` prints it');
  cli.append(el('summary', '', 'as bylaw decide --explain prints it'), pre);
  target.replaceChildren(...parts, statementSection(statement), traceHead, trace, cli);
}

/** An outcome's action (with its duration) and basis, then its clause, exemption and because texts. */
function outcomeParts(o: OutcomeView, label: string, id: string, versionText: string | null, clauses: readonly ClauseTrace[], reveal: Reveal): HTMLElement[] {
  const head = el('div', 'decision');
  head.dataset.action = o.action;
  const action = el('span', 'action', o.action);
  action.id = id;
  head.append(el('span', 'label', label), action);
  if (o.duration) {
    const duration = el('span', 'duration', `for ${o.duration.words}`);
    duration.dataset.iso = o.duration.iso;
    duration.append(' ', el('code', 'iso', o.duration.iso));
    head.append(duration);
  }
  head.append(el('span', 'basis', `(${o.basis})`));
  const facts = el('dl', 'facts');
  const fact = (term: string, value: string | Node) => facts.append(el('dt', '', term), withChild(el('dd'), value));
  fact('clause', o.clause ? clauseLink(o.basis === 'redline' ? 'red line' : o.basis === 'exemption' ? 'rule' : o.basis, o.clause, clauses, reveal) : 'none (the default)');
  if (o.exemption) fact('exemption', clauseLink('exemption', o.exemption, clauses, reveal));
  if (versionText !== null) fact('version', versionText);
  const because = el('ul', 'because');
  for (const text of o.because) because.append(el('li', '', text));
  if (o.because.length > 0) fact('because', because);
  return [head, facts];
}

/** The statement of reasons and the person's notice, or why there is none. */
function statementSection(view: StatementView): HTMLElement {
  const section = el('section', 'statement');
  section.id = 'statement';
  section.setAttribute('aria-labelledby', 'statement-title');
  const title = el('h3', '', 'statement of reasons');
  title.id = 'statement-title';
  section.append(title);
  if (!view.ok) {
    section.append(el('p', 'muted', `none: ${view.message}`), el('p', 'muted', `help: ${view.help}`));
  } else if (view.statement === null) {
    section.append(el('p', 'muted', 'nothing is restricted: no statement of reasons and no notice'));
  } else {
    const block = (id: string, summary: string, label: string, text: string, open: boolean) => {
      const details = el('details');
      (details as HTMLDetailsElement).open = open;
      const pre = el('pre', 'statement-text', text);
      pre.id = id;
      pre.tabIndex = 0;
      pre.setAttribute('aria-label', label);
      details.append(el('summary', '', summary), pre);
      return details;
    };
    if (view.notice) section.append(block('notice-text', `notice: ${view.notice.subject}`, 'the notice to the person', view.notice.text, true));
    const json = JSON.stringify(view.statement, null, 2);
    section.append(block('statement-json', 'for the DSA Transparency Database, as bylaw decide --statement-of-reasons prints it', 'the statement of reasons as JSON', json, false));
  }
  return section;
}

function clauseLink(kind: string, name: string, clauses: readonly ClauseTrace[], reveal: Reveal): Node {
  const clause = clauses.find((c) => c.name === name && (kind === 'exemption') === (c.kind === 'exemption'));
  const span = el('span', '', `${kind} `);
  span.append(clause ? sourceButton(name, clause.at, reveal, 'code') : el('code', '', name));
  return span;
}

function clauseItem(c: ClauseTrace, reveal: Reveal): HTMLElement {
  const item = el('li', `clause ${c.fired ? 'fired' : 'idle'}`);
  item.dataset.clause = c.name;
  const outcome = c.fired
    ? c.kind === 'exemption'
      ? `applied to ${c.appliedTo.join(', ')} → ${c.action}`
      : c.exemptedBy
        ? `fired (${c.action}), exempted by ${c.exemptedBy}`
        : `fired → ${c.action}`
    : `not ${c.kind === 'exemption' ? 'applied' : 'fired'}: ${c.reason ?? ''}`;
  const summary = el('summary');
  summary.append(
    el('span', 'mark', c.fired ? '✔' : '·'),
    el('span', 'kind', c.kind),
    sourceButton(c.name, c.at, reveal, 'name'),
    el('span', 'outcome', outcome),
    sourceButton(`${c.at.file.slice(c.at.file.lastIndexOf('/') + 1)}:${c.at.line}`, c.at, reveal, 'where'),
  );
  const details = el('details');
  details.append(summary, condition('when', c.when, reveal));
  if (c.unless) details.append(condition('unless', c.unless, reveal));
  if (c.quantifiers && c.quantifiers.length > 0) {
    const list = el('ul', 'quantifiers');
    for (const q of c.quantifiers) {
      const item = el('li');
      const which = q.matched.length === 0 ? 'none' : `elements ${q.matched.join(', ')}`;
      item.append(sourceButton(q.text, q.at, reveal, 'code'), el('span', 'count', `: ${q.matched.length} of ${q.of} (${which})`));
      list.append(item);
    }
    details.append(list);
  }
  item.append(details);
  return item;
}

function condition(label: string, trace: ConditionTrace, reveal: Reveal): HTMLElement {
  const box = el('div', 'condition');
  box.append(el('span', 'keyword', `${label} `));
  const tree = el('ul', 'tree');
  tree.append(conditionItem(trace, reveal));
  box.append(tree);
  return box;
}

function conditionItem(trace: ConditionTrace, reveal: Reveal): HTMLElement {
  const item = el('li', trace.value ? 'true' : 'false');
  item.append(el('span', 'value', trace.value ? 'true' : 'false'), sourceButton(trace.text, trace.at, reveal, 'code'));
  if (trace.children.length > 0) {
    const list = el('ul');
    for (const child of trace.children) list.append(conditionItem(child, reveal));
    item.append(list);
  }
  return item;
}

function sourceButton(text: string, at: SourceRef, reveal: Reveal, className: string): HTMLElement {
  const button = el('button', `source ${className}`, text);
  (button as HTMLButtonElement).type = 'button';
  button.title = `go to ${at.file}:${at.line}:${at.column}`;
  button.setAttribute('aria-label', `${text}, go to ${at.file} line ${at.line}`);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    reveal(at);
  });
  return button;
}

function withChild(parent: HTMLElement, child: string | Node): HTMLElement {
  parent.append(child);
  return parent;
}

export function el(tag: string, className = '', text?: string): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
