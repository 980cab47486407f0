// Témoin: what this page announces to screen readers (role="alert", role="status", aria-live),
// as a screen reader would hear it, and nothing else of the page. Each announcement is sent to
// the extension's background, which hands it to Témoin on this computer.
'use strict';

const LIVE_ROLES = new Set(['alert', 'status', 'log', 'marquee', 'timer']);
const ALERT_ROLES = new Set(['alert', 'alertdialog']);
const SAME_MS = 1000;
const MAX_CHARS = 1000;
const recent = new Map();

// The nearest element that makes `node` part of a live region (itself or an ancestor).
function liveRoot(node) {
  for (let e = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement; e; e = e.parentElement) {
    const live = e.getAttribute('aria-live');
    if (live === 'off') return null;
    if (live === 'polite' || live === 'assertive') return e;
    if (LIVE_ROLES.has(e.getAttribute('role'))) return e;
  }
  return null;
}

function visibleText(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  if (node.closest('[aria-hidden="true"], [hidden]')) return '';
  // Buttons and fields are not the message.
  const clone = node.cloneNode(true);
  clone.querySelectorAll('button, input, select, textarea, [role="button"], [aria-hidden="true"]')
    .forEach((c) => c.remove());
  return clone.textContent;
}

function announce(text) {
  text = (text || '').replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS);
  if (!text) return;
  const now = Date.now();
  for (const [t, at] of recent) if (now - at > SAME_MS) recent.delete(t);
  if (recent.has(text)) return;
  recent.set(text, now);
  try {
    chrome.runtime.sendMessage({ type: 'announcement', text });
  } catch (e) {
    // The extension was reloaded or removed: nothing to do.
  }
}

new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.type === 'characterData') {
      if (liveRoot(m.target)) announce(m.target.textContent);
      continue;
    }
    if (m.type === 'attributes') {
      // An alert that was hidden and is shown.
      const e = m.target;
      if (ALERT_ROLES.has(e.getAttribute('role')) && !e.hidden) announce(visibleText(e));
      continue;
    }
    for (const n of m.addedNodes) {
      const el = n.nodeType === Node.ELEMENT_NODE ? n : null;
      if ((el && ALERT_ROLES.has(el.getAttribute('role'))) || liveRoot(n)) {
        announce(visibleText(n));
      } else if (el) {
        // A toast container added whole, with the alert inside it.
        el.querySelectorAll('[role="alert"], [role="alertdialog"]').forEach((a) => announce(visibleText(a)));
      }
    }
  }
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden'],
});
