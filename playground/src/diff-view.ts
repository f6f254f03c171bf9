/**
 * The Diff tab: the CLI's Markdown (`bylaw diff --format markdown`) rendered by marked. The text
 * holds policy text, and a shared link can hold any policy: raw HTML is escaped except the
 * `<details>`/`<summary>` tags the report itself uses, and links and images render as text.
 */
import { Marked, type Tokens } from 'marked';

const ALLOWED = /^<\/?(?:details|summary)>$/;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => (ALLOWED.test(text.trim()) ? text.trim() : escape(text)),
    link: ({ text }: Tokens.Link) => escape(text),
    image: ({ text }: Tokens.Image) => escape(text),
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
