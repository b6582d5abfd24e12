import type { HealthTexts } from '../../domain/health-report.js';

export const health: HealthTexts = {
  licenseExpiresIn: (days) => `Licencia exspiruje za ${days} dní.`,
  licenseExpired: 'Licencia exspirovala.',
};
