// Témoin: hands what content scripts heard to Témoin on this computer, through native messaging
// (the host "fr.temoin.pages", installed with Témoin). Only the announcement's text and the
// browser's name are sent; nothing leaves the computer.
'use strict';

const HOST = 'fr.temoin.pages';
const BROWSER = navigator.userAgent.includes('Firefox/') ? 'Firefox' : 'Chromium';
let port = null;

function connect() {
  if (port) return port;
  port = chrome.runtime.connectNative(HOST);
  port.onDisconnect.addListener(() => {
    port = null;
  });
  return port;
}

chrome.runtime.onMessage.addListener((msg) => {
  if (!msg || msg.type !== 'announcement' || typeof msg.text !== 'string') return;
  try {
    connect().postMessage({ type: 'announcement', text: msg.text, browser: BROWSER, at: Date.now() });
  } catch (e) {
    port = null;
  }
});
