// The targets feature's navigation items and pages (see app/feature.ts).
import type { FeatureModule } from '../app/feature';

export const targetsModule: FeatureModule = {
  nav: [],
  route: () => null,
};
