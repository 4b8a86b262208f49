// The conferences feature's navigation items and pages (see app/feature.ts).
import type { FeatureModule } from '../app/feature';

export const conferencesModule: FeatureModule = {
  nav: [],
  route: () => null,
};
