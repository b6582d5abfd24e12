import type { LocaleTexts } from '../locale-texts.js';
import { auth } from './auth.js';
import { body } from './body.js';
import { control } from './control.js';
import { health } from './health.js';
import { problems } from './problems.js';
import { query } from './query.js';

export const texts: LocaleTexts = { problems, issues: { ...body, ...query, ...auth, ...control }, health };
