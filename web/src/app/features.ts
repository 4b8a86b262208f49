// The features the app is built of, in the order of the side navigation.
import { conferencesModule } from '../conferences/module';
import { investmentModule } from '../investment/module';
import { petitionsModule } from '../petitions/module';
import { targetsModule } from '../targets/module';
import type { FeatureModule } from './feature';

export const FEATURES: FeatureModule[] = [investmentModule, targetsModule, petitionsModule, conferencesModule];
