/**
 * What differs between Slovak and Czech seed customers. Convention: `address.country` holds the country's
 * short name in its own language (`Slovensko`, `Česko`), as a Slovak/Czech POS clerk would type it.
 */
export type CountryCode = 'SK' | 'CZ';

export interface CountryProfile {
  country: string;
  currency: string;
  /** `#` is replaced by a digit. */
  phonePatterns: readonly string[];
  postalCodePatterns: readonly string[];
  emailProviders: readonly string[];
  /** Bounding box of the country, for coordinates. */
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  trades: readonly string[];
  notes: readonly string[];
  addressNotes: readonly string[];
  cardNotes: readonly string[];
  cardBlockReasons: readonly string[];
  transactionNotes: readonly string[];
}

export const COUNTRIES: Record<CountryCode, CountryProfile> = {
  SK: {
    country: 'Slovensko',
    currency: 'EUR',
    phonePatterns: ['+421 9## ### ###', '+421 2 #### ####'],
    postalCodePatterns: ['0## ##', '8## ##', '9## ##'],
    emailProviders: ['gmail.com', 'zoznam.sk', 'azet.sk', 'centrum.sk', 'post.sk'],
    box: { minLat: 47.73, maxLat: 49.61, minLon: 16.83, maxLon: 22.57 },
    trades: ['Stolárstvo', 'Elektroinštalácie', 'Kaderníctvo', 'Účtovníctvo', 'Autoservis', 'Pekáreň'],
    notes: [
      'Stály zákazník',
      'Preferuje doručenie poštou',
      'VIP – kontaktovať telefonicky',
      'Nevolať po 18:00',
      'Faktúru posielať e-mailom',
      'Zľava dohodnutá s vedúcim predajne',
      'Platí vždy kartou',
      'Objednáva cez e-shop, vyzdvihnutie na predajni',
    ],
    addressNotes: ['Zvoniť dvakrát', 'Vchod z dvora', '3. poschodie, bez výťahu', 'Doručiť do 16:00'],
    cardNotes: ['Náhradná karta', 'Darčeková karta', 'Zamestnanecká karta'],
    cardBlockReasons: ['Strata karty', 'Odcudzenie', 'Na žiadosť zákazníka', 'Poškodená karta'],
    transactionNotes: ['Dobitie kreditu', 'Nákup', 'Vrátenie tovaru', 'Vernostný bonus'],
  },
  CZ: {
    country: 'Česko',
    currency: 'CZK',
    phonePatterns: ['+420 6## ### ###', '+420 7## ### ###', '+420 2## ### ###'],
    postalCodePatterns: ['1## ##', '2## ##', '3## ##', '4## ##', '5## ##', '6## ##', '7## ##'],
    emailProviders: ['seznam.cz', 'email.cz', 'centrum.cz', 'gmail.com', 'atlas.cz'],
    box: { minLat: 48.55, maxLat: 51.06, minLon: 12.09, maxLon: 18.86 },
    trades: ['Truhlářství', 'Elektroinstalace', 'Kadeřnictví', 'Účetnictví', 'Autoservis', 'Pekařství'],
    notes: [
      'Stálý zákazník',
      'Preferuje platbu převodem',
      'Kontaktovat pouze e-mailem',
      'Nevolat dopoledne',
      'Dlužná částka uhrazena',
      'Věrnostní karta ztracena, vydána nová',
      'Upozornit na novinky v sortimentu',
    ],
    addressNotes: ['Zvonit u Nováků', 'Vchod ze dvora', 'Nechat u sousedů', 'Doručit po 17:00'],
    cardNotes: ['Náhradní karta', 'Dárková karta', 'Zaměstnanecká karta'],
    cardBlockReasons: ['Ztráta karty', 'Odcizení', 'Na žádost zákazníka', 'Poškozená karta'],
    transactionNotes: ['Dobití kreditu', 'Nákup', 'Vrácení zboží', 'Věrnostní bonus'],
  },
};
