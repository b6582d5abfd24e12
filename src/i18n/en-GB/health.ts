import type { HealthTexts } from '../../domain/health-report.js';

export const health: HealthTexts = {
  licenseExpiresIn: (days) => `The licence expires in ${days} days.`,
  licenseExpired: 'The licence has expired.',
};
