import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list for government rich text: headings, paragraphs with first-line indent, tables
 * with merged cells, images with Chinese alt text, attachment links. Only http, https, mailto and
 * tel links; no protocol-relative URLs; links that open a new tab cannot reach back.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'span', 'div',
    'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel', 'download'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align', 'scope'],
    col: ['span', 'width'],
    colgroup: ['span'],
    ol: ['start', 'type'],
    '*': ['style', 'class'],
  },
  allowedStyles: {
    '*': {
      'text-indent': [/^\d+(\.\d+)?(em|px)$/],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(bold|normal|\d{3})$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

/** Removes everything outside the allow-list from rich text (HTML or Markdown with inline HTML). */
export function sanitizeRichText(input: string): string {
  return sanitizeHtml(input, OPTIONS);
}
