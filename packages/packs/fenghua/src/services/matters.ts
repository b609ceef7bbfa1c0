import type { MatterInput } from '@zhizhi/services';
import { businessMatters, constructionMatters, realEstateMatters } from './matters-business';
import {
  householdMatters,
  housingFundMatters,
  medicalInsuranceMatters,
  socialSecurityMatters,
} from './matters-people';
import { familyMatters, welfareMatters } from './matters-welfare';

/** The demo matters grouped by service area (the catalogue has no theme field yet). */
export const fenghuaMattersByArea: Readonly<Record<string, readonly MatterInput[]>> = {
  housing_fund: housingFundMatters,
  social_security: socialSecurityMatters,
  medical_insurance: medicalInsuranceMatters,
  household_and_vehicles: householdMatters,
  welfare: welfareMatters,
  marriage_birth_school: familyMatters,
  real_estate_and_utilities: realEstateMatters,
  business: businessMatters,
  construction: constructionMatters,
};

/** The Fenghua demo catalogue of service matters (政务服务事项), all at version 1. */
export const fenghuaMatters: MatterInput[] = Object.values(fenghuaMattersByArea).flat();
