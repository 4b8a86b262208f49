// The investment feature's navigation items and pages (see app/feature.ts).
import type { FeatureModule } from '../app/feature';

export const investmentModule: FeatureModule = {
  nav: [],
  route: () => null,
};
