/**
 * The decision and its full explanation: action, basis, deciding clause and exemption, version,
 * because texts; then every clause in the order the interpreter traced them, each linked to its
 * source line, with the values of its conditions.
 */
import type { ClauseTrace, ConditionTrace, SourceRef } from '../../src/browser.js';
import type { DecideReply } from './protocol.js';

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
  const { decision, version, clauses } = reply.result;
  const head = el('div', 'decision');
  head.dataset.action = decision.action;
  const action = el('span', 'action', decision.action);
  action.id = 'decision-action';
  head.append(el('span', 'label', 'decision'), action, el('span', 'basis', `(${decision.basis})`));
  const facts = el('dl', 'facts');
  const fact = (term: string, value: string | Node) => facts.append(el('dt', '', term), withChild(el('dd'), value));
  fact('clause', decision.clause ? clauseLink(decision.basis === 'redline' ? 'red line' : decision.basis === 'exemption' ? 'rule' : decision.basis, decision.clause, clauses, reveal) : 'none (the default)');
  if (decision.exemption) fact('exemption', clauseLink('exemption', decision.exemption, clauses, reveal));
  fact('version', `${version.version}${version.effective ? ` (effective ${version.effective})` : ''} — ${version.file}`);
  const because = el('ul', 'because');
  for (const text of decision.because) because.append(el('li', '', text));
  if (decision.because.length > 0) fact('because', because);

  const trace = el('ol', 'trace');
  trace.setAttribute('aria-label', 'explanation: every clause, in the order it was traced');
  for (const clause of clauses) trace.append(clauseItem(clause, reveal));
  const traceHead = el('h3', '', `explanation (${clauses.length} clauses)`);
  target.replaceChildren(head, facts, traceHead, trace);
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
