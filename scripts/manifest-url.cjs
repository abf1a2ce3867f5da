// The production manifest: every development URL (https://localhost:3000) replaced by the address where
// the add-in is published. Pure functions, used by webpack.config.js (dist/manifest.xml) and the tests.
'use strict';

const { URL } = require('node:url');

const DEV_BASE_URL = 'https://localhost:3000';
// Not followed by a digit, so https://localhost:30001 would not be half-replaced.
const DEV_BASE_PATTERN = /https:\/\/localhost:3000(?![0-9])/g;

/**
 * Checks and normalises the production base URL: https only, no query, fragment or credentials, no
 * trailing slash ("https://x.example.it/piano-offerta/" → "https://x.example.it/piano-offerta").
 * Throws an Error with an Italian message when the URL cannot be used.
 */
function normaliseBaseUrl(raw) {
  const text = String(raw ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PIANO_OFFERTA_URL non è un indirizzo valido: «${text}» (esempio: https://piano-offerta.comune.example.it).`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`PIANO_OFFERTA_URL deve iniziare con https:// (Office carica i componenti aggiuntivi solo in https): «${text}».`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`PIANO_OFFERTA_URL deve essere solo l'indirizzo di base, senza parametri, # o credenziali: «${text}».`);
  }
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/i.test(url.hostname)) {
    throw new Error(`PIANO_OFFERTA_URL punta a questo computer (${url.hostname}): serve l'indirizzo pubblico del server.`);
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (/[&<>"']/.test(base)) {
    throw new Error(`PIANO_OFFERTA_URL contiene caratteri non ammessi in un manifest (& < > " '): «${text}».`);
  }
  return base;
}

/**
 * The manifest with every https://localhost:3000 replaced by the (normalised) production base URL. The
 * comments, written for developers (and naming the development server), are left out.
 */
function toProductionManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const out = String(xml)
    .replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '')
    .replace(DEV_BASE_PATTERN, base);
  if (/localhost/i.test(out)) {
    throw new Error('Il manifest di produzione contiene ancora «localhost»: controlla manifest.xml.');
  }
  return out;
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, toProductionManifest };
