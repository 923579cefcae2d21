// The rich text editor shared by compose (#compose-body) and the signature in Settings
// (#settings-signature): a contenteditable with a formatting toolbar (bold, italic, underline,
// lists, link) and paste that keeps only allow-listed HTML (richtext.js). The toolbar's buttons
// are built here, so both places get the same set.

import { el } from './dom.js';
import { icon } from './icons.js';
import { t } from './i18n.js';
import { promptDialog } from './dialogs.js';
import { safeFragment, safeHref } from './richtext.js';

const BUTTONS = [
  { cmd: 'bold', icon: 'bold', label: 'format.bold' },
  { cmd: 'italic', icon: 'italic', label: 'format.italic' },
  { cmd: 'underline', icon: 'underline', label: 'format.underline' },
  { cmd: 'insertUnorderedList', icon: 'bullets', label: 'format.bullets' },
  { cmd: 'insertOrderedList', icon: 'numbers', label: 'format.numbers' },
  { cmd: 'createLink', icon: 'link', label: 'format.link' },
];

/**
 * Makes {@code editor} (a contenteditable) a rich text editor whose toolbar buttons are put
 * into {@code buttons}. {@code onChange}: after every change made here (typing fires "input"
 * on the editor itself); {@code onError(text)}: a link that cannot be inserted.
 */
export function richEditor({ editor, buttons, onChange = () => {}, onError = () => {} }) {
  let savedRange = null;

  async function format(cmd) {
    if (cmd === 'createLink') {
      const sel = window.getSelection();
      savedRange = sel.rangeCount && editor.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null;
      const value = await promptDialog({ title: t('format.linkTitle'), label: t('format.linkUrl'), value: 'https://', okText: t('dialog.ok') });
      editor.focus();
      if (savedRange) { sel.removeAllRanges(); sel.addRange(savedRange); }
      if (!value) return;
      const href = safeHref(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
      if (!href) { onError(t('format.badLink')); return; }
      if (!sel.rangeCount || sel.isCollapsed || !editor.contains(sel.anchorNode)) {
        // nothing selected: the address itself becomes the link text
        const a = el('a', { text: href, attrs: { href, rel: 'noopener noreferrer' } });
        let range = sel.rangeCount && editor.contains(sel.anchorNode) ? sel.getRangeAt(0) : null;
        if (!range) { range = document.createRange(); range.selectNodeContents(editor); range.collapse(false); }
        range.insertNode(a);
        range.setStartAfter(a);
        range.collapse(true);
        sel.removeAllRanges();
        sel.addRange(range);
      } else {
        document.execCommand('createLink', false, href);
      }
    } else {
      editor.focus();
      document.execCommand(cmd, false);
    }
    onChange();
  }

  function onPaste(e) {
    const html = e.clipboardData && e.clipboardData.getData('text/html');
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!html && !text) return;
    e.preventDefault();
    if (!html) { document.execCommand('insertText', false, text); return; }
    const sel = window.getSelection();
    if (!sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    range.deleteContents();
    const frag = safeFragment(html);
    const last = frag.lastChild;
    range.insertNode(frag);
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
      sel.removeAllRanges();
      sel.addRange(range);
    }
    onChange();
  }

  buttons.replaceChildren(...BUTTONS.map((b) => {
    const label = t(b.label);
    const button = el('button', {
      className: 'icon-btn fmt-btn',
      attrs: { type: 'button', 'aria-label': label, title: label, 'data-i18n-aria': b.label, 'data-i18n-title': b.label },
      dataset: { cmd: b.cmd },
    }, icon(b.icon));
    button.addEventListener('mousedown', (e) => e.preventDefault());   // keep the editor's selection
    button.addEventListener('click', () => format(b.cmd));
    return button;
  }));
  editor.addEventListener('paste', onPaste);
}
