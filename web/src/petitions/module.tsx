// The petitions feature's navigation items and pages (see app/feature.ts).
import type { FeatureModule } from '../app/feature';

export const petitionsModule: FeatureModule = {
  nav: [],
  route: () => null,
};
