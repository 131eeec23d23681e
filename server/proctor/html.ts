// A minimal HTML template for the printable pages (report, login slips): every interpolated value
// is escaped unless it is itself an Html fragment. No inline script or style: the CSP forbids both.
import { escapeHtml } from '../contract/rules/html-text.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}


/** What a template may interpolate: text and numbers (escaped), fragments, lists of them; null, undefined and false print nothing. */
type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** A whole printable page: the shared print stylesheet, the page's own class, the language. */
export function page(options: { lang: 'fr' | 'en'; title: string; bodyClass: string; body: Html }): string {
  return `<!doctype html>${html`<html lang="${options.lang}" translate="no" class="notranslate">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/proctor/assets/print.css">
<script type="module" src="/proctor/assets/print.js"></script>
</head>
<body class="${options.bodyClass}">
${options.body}
</body>
</html>`.value}\n`;
}
