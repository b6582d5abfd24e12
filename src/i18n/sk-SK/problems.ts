import type { LocaleTexts } from '../locale-texts.js';
import { authFailures } from './auth.js';

function chyby(n: number): string {
  if (n === 1) return '1 chybu';
  if (n >= 2 && n <= 4) return `${n} chyby`;
  return `${n} chýb`;
}

export const problems: LocaleTexts['problems'] = {
  validation_failed: {
    title: 'Požiadavka obsahuje neplatné údaje',
    detail: (p) => `Požiadavka obsahuje ${chyby(p.issues.length)}, pozrite zoznam errors.`,
  },
  version_mismatch: {
    title: 'Verzia zdroja sa nezhoduje',
    detail: (p) =>
      `Zdroj ${p.resource.name} ${p.resource.id} je uložený vo verzii ${p.resource.version ?? '-'}, požiadavka uvádza verziu ${p.sent}.`,
  },
  unauthenticated: { title: 'Používateľ nie je prihlásený', detail: (p) => authFailures[p.reason] },
  forbidden: {
    title: 'Nedostatočné oprávnenia',
    detail: (p) =>
      p.need === 'any'
        ? `Treba aspoň jedno z oprávnení: ${p.missingRights.join(', ')}.`
        : `Chýbajúce oprávnenia: ${p.missingRights.join(', ')}.`,
  },
  not_found: {
    title: 'Zdroj nebol nájdený',
    detail: (p) => `Zdroj ${p.resource} s identifikátorom ${p.id} neexistuje.`,
  },
  route_not_found: { title: 'Zdroj nebol nájdený', detail: (p) => `Cesta ${p.path} neexistuje.` },
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
};
