import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/diff-view.js';

describe("the Diff tab's Markdown", () => {
  it('renders the report: tables, code, and the folded examples it writes as <details>', () => {
    const html = renderMarkdown('**2 regions**\n\n| a | example |\n|---|---|\n| `x == 1` | <details><summary>input</summary>`{"a":1}`</details> |\n');
    expect(html).toContain('<strong>2 regions</strong>');
    expect(html).toContain('<td><code>x == 1</code></td>');
    expect(html).toContain('<details><summary>input</summary><code>{&quot;a&quot;:1}</code></details>');
  });

  it('escapes any other HTML a policy could carry into it, and renders links and images as text', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nsee <img src=x onerror=alert(1)> and [here](javascript:alert(1)) ![i](http://x/y.png) <details open>');
    expect(html).not.toMatch(/<script|<img|<a |<details open/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('here');
  });
});
