// HTML that comes from elsewhere (a message quoted in a reply, a draft, the clipboard) is never
// put into the page as markup. It is parsed in an inert document (DOMParser: nothing loads,
// nothing runs) and rebuilt here element by element from an allow-list, with text as text and
// only safe links kept.

const KEEP = new Set(['p', 'div', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'ul', 'ol', 'li',
  'blockquote', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'span', 'a', 'font', 'small', 'big', 'center', 'dl', 'dt', 'dd', 'caption', 'tt', 'q', 'cite', 'address']);
const DROP = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'math',
  'template', 'noscript', 'form', 'input', 'button', 'select', 'textarea', 'img', 'video', 'audio', 'picture', 'source', 'canvas']);
const BLOCK = new Set(['p', 'div', 'ul', 'ol', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table',
  'tr', 'dl', 'dt', 'dd', 'center', 'address', 'section', 'article', 'header', 'footer', 'caption']);

export function safeHref(href) {
  const h = String(href || '').trim();
  return /^(https?:|mailto:)/i.test(h) ? h : null;
}

function parse(html) {
  // style attributes and elements are dropped anyway; taking them out first spares the console
  // the CSP reports the parser would log for them
  const text = String(html || '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
  return new DOMParser().parseFromString(text, 'text/html');
}

function cloneInto(src, dst, doc) {
  for (const node of src.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      dst.append(doc.createTextNode(node.data));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = node.localName;
      if (DROP.has(tag)) continue;
      if (!KEEP.has(tag)) { cloneInto(node, dst, doc); continue; }   // unwrap unknown elements
      const copy = doc.createElement(tag === 'font' || tag === 'center' ? (tag === 'center' ? 'div' : 'span') : tag);
      if (tag === 'a') {
        const href = safeHref(node.getAttribute('href'));
        if (href) {
          copy.setAttribute('href', href);
          copy.setAttribute('rel', 'noopener noreferrer');
        }
      }
      if ((tag === 'td' || tag === 'th') && node.getAttribute('colspan')) {
        const n = parseInt(node.getAttribute('colspan'), 10);
        if (n > 1 && n < 100) copy.setAttribute('colspan', String(n));
      }
      cloneInto(node, copy, doc);
      dst.append(copy);
    }
  }
}

/** A fragment of this document holding the allow-listed rebuild of {@code html}. */
export function safeFragment(html) {
  const parsed = parse(html);
  const frag = document.createDocumentFragment();
  cloneInto(parsed.body, frag, document);
  return frag;
}

/** Readable text for HTML: paragraphs and line breaks kept, lists bulleted. */
export function htmlToText(htmlOrNode) {
  const root = typeof htmlOrNode === 'string' ? parse(htmlOrNode).body : htmlOrNode;
  let out = '';
  const nl = () => { if (out && !out.endsWith('\n')) out += '\n'; };
  const walk = (node, listDepth) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        out += n.data.replace(/[ \t\r\n]+/g, ' ');
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const tag = n.localName;
        if (DROP.has(tag) && tag !== 'img') continue;
        if (tag === 'br') { out += '\n'; continue; }
        if (tag === 'img') { const alt = n.getAttribute('alt'); if (alt) out += `[${alt}]`; continue; }
        if (tag === 'pre') { nl(); out += n.textContent; nl(); continue; }
        const block = BLOCK.has(tag);
        if (block) nl();
        if (tag === 'li') out += `${'  '.repeat(Math.max(0, listDepth - 1))}- `;
        if (tag === 'hr') { out += '----------'; nl(); continue; }
        walk(n, tag === 'ul' || tag === 'ol' ? listDepth + 1 : listDepth);
        if (tag === 'a') {
          const href = safeHref(n.getAttribute('href'));
          if (href && href !== n.textContent.trim() && !href.startsWith('mailto:')) out += ` <${href}>`;
        }
        if (tag === 'td' || tag === 'th') out += '\t';
        if (block) nl();
        if (tag === 'p' || /^h\d$/.test(tag)) out += '\n';
      }
    }
  };
  walk(root, 0);
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Plain text as paragraphs of this document (a <div> per line, <br> for empty lines). */
export function textToFragment(text) {
  const frag = document.createDocumentFragment();
  for (const line of String(text || '').split(/\r?\n/)) {
    const div = document.createElement('div');
    if (line) div.textContent = line; else div.append(document.createElement('br'));
    frag.append(div);
  }
  return frag;
}
