// The dashboard's forms: the server's field errors (422 "invalid_field" with details) shown at
// the inputs (data-field="<field>"), the rest in the form's general error line.
import { el, $, $$ } from '../dom.js';
import { t, errorText } from '../i18n.js';

export function clearFieldErrors(form) {
  for (const p of $$('.field-error', form)) p.remove();
  for (const input of $$('[aria-invalid]', form)) input.removeAttribute('aria-invalid');
  const general = $('.error[role=alert]', form);
  if (general) general.textContent = '';
}

export function showFieldErrors(form, e, generalSelector) {
  const details = e.details || [];
  const general = [];
  for (const d of details) {
    const input = d.field && form.querySelector(`[data-field="${CSS.escape(d.field)}"]`);
    if (input) {
      const id = `${input.id}-error`;
      const p = el('p', { class: 'field-error', id }, problemText(d));
      input.insertAdjacentElement('afterend', p);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    } else {
      general.push(t('field.problem', { field: d.field || '', message: problemText(d) }));
    }
  }
  $(generalSelector).textContent = [errorText(e), ...general].join(' ');
  const first = form.querySelector('[aria-invalid=true]');
  if (first) first.focus();
}

// The name of a field (or CSV column) in the page's language.
export function fieldName(field) {
  const key = `fieldname.${field}`;
  const s = t(key);
  return s === key ? field : s;
}

// A problem's code in the page's language (the server's English message when unknown).
export function problemText(d) {
  const key = `problem.${d.code}`;
  const s = t(key);
  return s === key ? d.message || d.code : s;
}

// <option value selected=(value === selected)>label</option>
export function option(value, label, selected) {
  return el('option', { value, selected: value === selected }, label);
}
