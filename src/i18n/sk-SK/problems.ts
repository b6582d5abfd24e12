import { unlistedErrors } from '../../errors/catalogue.js';
import type { LocaleTexts } from '../locale-texts.js';
import { authFailures } from './auth.js';

function chyby(n: number): string {
  if (n === 1) return '1 chybu';
  if (n >= 2 && n <= 4) return `${n} chyby`;
  return `${n} chýb`;
}

/** "V zozname …": 1 chyba nie je, 2–4 chyby nie sú, 5+ chýb nie je. */
function neuvedene(n: number): string {
  if (n === 1) return 'nie je 1 chyba';
  if (n >= 2 && n <= 4) return `nie sú ${n} chyby`;
  return `nie je ${n} chýb`;
}

export const problems: LocaleTexts['problems'] = {
  validation_failed: {
    title: 'Požiadavka obsahuje neplatné údaje',
    detail: (p) => {
      const left = unlistedErrors(p.issues.length);
      const listed = `Požiadavka obsahuje ${chyby(p.issues.length)}, pozrite zoznam errors.`;
      return left === 0 ? listed : `${listed} V zozname ${neuvedene(left)}.`;
    },
  },
  version_mismatch: {
    title: 'Verzia zdroja sa nezhoduje',
    detail: (p) =>
      `Zdroj ${p.resource.name} ${p.resource.id} je uložený vo verzii ${p.resource.version ?? '-'}, požiadavka uvádza verziu ${p.sent}.`,
  },
  malformed_request: {
    title: 'Chybná požiadavka',
    detail: () =>
      'Požiadavka nie je platná podľa HTTP/1.1 (jej hlavičku, dĺžku alebo bloky nemožno prečítať); spojenie sa zatvára.',
  },
  unauthenticated: { title: 'Používateľ nie je prihlásený', detail: (p) => authFailures[p.reason] },
  forbidden: {
    title: 'Nedostatočné oprávnenia',
    detail: (p) =>
      p.need === 'any'
        ? `Treba aspoň jedno z oprávnení: ${p.missingRights.join(', ')}.`
        : `Chýbajúce oprávnenia: ${p.missingRights.join(', ')}.`,
  },
  license_expired: {
    title: 'Licencia vypršala',
    detail: (p) => `Platnosť licencie skončila ${p.expirationTime}; túto cestu možno znova použiť až po jej predĺžení.`,
  },
  not_found: {
    title: 'Zdroj nebol nájdený',
    detail: (p) => `Zdroj ${p.resource} s identifikátorom ${p.id} neexistuje.`,
  },
  route_not_found: { title: 'Zdroj nebol nájdený', detail: (p) => `Cesta ${p.path} neexistuje.` },
  hub_connection_unknown: {
    title: 'Spojenie nebolo nájdené',
    detail: () => 'Žiadne spojenie SignalR nemá tento identifikátor; vyjednajte nové.',
  },
  hub_connection_in_use: {
    title: 'Spojenie sa už používa',
    detail: () => 'Toto spojenie SignalR už má WebSocket; vyjednajte nové.',
  },
  method_not_allowed: {
    title: 'Metóda nie je povolená',
    detail: (p) => `Metóda ${p.method} nie je pre túto cestu povolená; povolené sú: ${p.allowed.join(', ')}.`,
  },
  payload_too_large: {
    title: 'Požiadavka je príliš veľká',
    detail: (p) => `Telo požiadavky presahuje limit ${p.limitBytes} bajtov.`,
  },
  unsupported_media_type: {
    title: 'Nepodporovaný typ obsahu',
    detail: (p) => `Typ obsahu ${p.contentType ?? '(žiadny)'} nie je podporovaný; použite application/json.`,
  },
  unsupported_encoding: {
    title: 'Nepodporované kódovanie obsahu',
    detail: (p) => `Kódovanie obsahu ${p.encoding} nie je podporované; pošlite telo nekomprimované (identity).`,
  },
  unsupported_charset: {
    title: 'Nepodporovaná znaková sada',
    detail: (p) => `Znaková sada ${p.charset} nie je podporovaná; pošlite telo v utf-8.`,
  },
  headers_too_large: {
    title: 'Hlavičky požiadavky sú príliš veľké',
    detail: (p) => `Riadok požiadavky a hlavičky spolu presahujú limit ${p.limitBytes} bajtov.`,
  },
  locked: {
    title: 'Zdroj je uzamknutý',
    detail: (p) => `Zdroj ${p.resource} ${p.id} je dočasne uzamknutý; skúste to neskôr.`,
  },
  lease_busy: {
    title: 'Mock je prenajatý',
    detail: (p) =>
      `${p.mode === 'exclusive' ? 'Výlučný' : 'Zdieľaný'} prenájom nebol do ${p.waitMs} ms voľný (držané: výlučné ${p.exclusive}, zdieľané ${p.shared}); požiadajte znova.`,
  },
  internal: { title: 'Nastala neočakávaná chyba servera', detail: () => undefined },
  state_not_saved: {
    title: 'Zmena nebola uložená',
    detail: (p) =>
      `Zmena je v pamäti mocku, ale stavový súbor ${p.file} sa nepodarilo zapísať (${p.reason}); po zastavení mocku sa stratí, ak ju neuloží neskorší zápis.`,
  },
};
