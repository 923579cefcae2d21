// The Password tab of the settings (#settings-panel-password): the current password and the new
// one twice (checked here to be the same), PUT api/password. 403: the current password is wrong
// (the server throttles and logs the attempt as a logon); 400: the server's reason, e.g. a
// directory it cannot write (LDAP, Unix: the password is changed there). The user's other
// sessions end; this one goes on.

import { put } from '../api.js';
import { $, fieldError as lineError } from '../dom.js';
import { t } from '../i18n.js';
import { showStatus } from '../status.js';

const IDS = ['password-current', 'password-new', 'password-repeat'];
let saving = false;

export function initPassword() {
  $('password-save').addEventListener('click', () => changePassword());
  for (const id of IDS) $(id).addEventListener('input', () => { fieldError(id, ''); formError(''); });
}

/** Empties the fields (the dialog closes or opens, logoff). */
export function resetPassword() {
  for (const id of IDS) { $(id).value = ''; fieldError(id, ''); }
  formError('');
}

export async function changePassword() {
  if (saving) return;
  for (const id of IDS) fieldError(id, '');
  formError('');
  const current = $('password-current').value;
  const password = $('password-new').value;
  const repeat = $('password-repeat').value;
  if (!current) return fail('password-current', t('password.currentRequired'));
  if (!password) return fail('password-new', t('password.newRequired'));
  if (password !== repeat) return fail('password-repeat', t('password.mismatch'));
  if (password === current) return fail('password-new', t('password.same'));
  const button = $('password-save');
  saving = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    await put('api/password', { current, password }, { quiet: true });
    resetPassword();
    showStatus(t('password.changed'), 'success');
  } catch (err) {
    if (err.status === 403) {
      fail('password-current', t('password.wrong'));
      $('password-current').select();
    } else if (err.status === 400) {
      formError(err.serverMessage ? t('password.refused', { message: err.serverMessage }) : t('password.refusedUnknown'));
    } else {
      formError(err.message);
    }
  } finally {
    saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
  return undefined;
}

function fail(id, text) {
  fieldError(id, text);
  $(id).focus();
  return false;
}

/** The error line of a field ({id}-error), the field marked invalid while it shows. */
function fieldError(id, text) {
  lineError(`${id}-error`, text, [$(id)]);
}

function formError(text) {
  const p = $('password-error');
  p.textContent = text || '';
  p.hidden = !text;
}
