import type { AuthFailure } from '../../errors/auth-failures.js';
import type { AuthIssueParams } from '../../auth/auth-issues.js';
import type { IssueMessages } from '../locale-texts.js';

export const auth: IssueMessages<keyof AuthIssueParams> = {
  'auth.empty_member': () => 'Prihlásenie vyžaduje neprázdnu hodnotu.',
};

export const authFailures: Record<AuthFailure, string> = {
  missing: 'Požiadavka neobsahuje prihlasovacie údaje (hlavička Authorization).',
  'unsupported-scheme': 'Schéma v hlavičke Authorization nie je podporovaná; použite Bearer alebo NWS4-HMAC-SHA256.',
  'malformed-token': 'Prístupový token má neplatný tvar.',
  'not-yet-valid-token': 'Prístupový token ešte nie je platný: jeho nbf je neskôr ako aktuálny čas.',
  'expired-token': 'Platnosť prístupového tokenu vypršala; obnovte ho cez /api/auth/refresh.',
  'revoked-token': 'Prístupový token bol zrušený (odhlásenie, obnovenie alebo zmazaná relácia).',
  'bad-token-signature': 'Podpis prístupového tokenu je neplatný.',
  'bad-credentials': 'Prihlásenie zlyhalo: nesprávne meno, heslo alebo zariadenie.',
  'bad-refresh-token': 'Obnovovací token je neplatný alebo už bol použitý.',
  'nws4-malformed': 'Hlavička NWS4-HMAC-SHA256 má neplatný tvar.',
  'nws4-unknown-client': 'Neznámy kľúč API (Credential).',
  'nws4-missing-signed-header':
    'Podpísané hlavičky musia obsahovať host, x-nd-date a x-nd-content-sha256 a všetky musia byť v požiadavke.',
  'nws4-date-mismatch': 'Timestamp v podpise sa nezhoduje s hlavičkou x-nd-date.',
  'nws4-outside-window': 'Čas x-nd-date je mimo povoleného časového okna okolo času servera (predvolene ±150 s).',
  'nws4-content-hash-mismatch': 'Hlavička x-nd-content-sha256 nezodpovedá telu požiadavky.',
  'nws4-bad-signature': 'Podpis požiadavky NWS4 je neplatný.',
  'nws4-inactive-device': 'Zariadenie tohto kľúča API nie je aktívne.',
  'control-token-missing': 'Riadiace API mocku vyžaduje riadiaci token v hlavičke X-Mock-Control-Token.',
  'control-token-wrong': 'Hlavička X-Mock-Control-Token neobsahuje riadiaci token tohto mocku.',
};
