// Building DOM without HTML strings: user text only ever becomes text nodes or attribute
// values, never markup. el('li', {class: 'q', onclick: fn}, 'text', child) -> HTMLElement.

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key in PROPS) node[key] = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

// Properties set as properties (so that they reflect live state), not as attributes.
const PROPS = { value: 1, checked: 1, disabled: 1, hidden: 1, selected: 1, htmlFor: 1 };

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

// Replaces every child of "node" with "children" (same rules as el()).
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

// Shows exactly one of the given elements (by the "hidden" property).
export function show(node, visible = true) {
  if (node) node.hidden = !visible;
}

// Saves a Blob under "filename" through a temporary link.
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

// Keeps the children of "parent" in step with "items" without rebuilding what did not change
// (so screen readers announce only what is new, and focus stays where it was):
// an item whose signature is unchanged keeps its node; others are built again by build(item).
export function reconcile(parent, items, keyOf, signatureOf, build) {
  const old = new Map();
  for (const child of Array.from(parent.children)) {
    if (child.dataset.key === undefined) child.remove();
    else old.set(child.dataset.key, child);
  }
  let index = 0;
  for (const item of items) {
    const key = String(keyOf(item));
    const sig = signatureOf(item);
    let node = old.get(key);
    old.delete(key);
    if (!node || node.dataset.sig !== sig) {
      const fresh = build(item);
      fresh.dataset.key = key;
      fresh.dataset.sig = sig;
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    const at = parent.children[index];
    if (at !== node) parent.insertBefore(node, at || null);
    index += 1;
  }
  for (const node of old.values()) node.remove();
}
