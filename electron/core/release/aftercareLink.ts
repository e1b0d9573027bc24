/**
 * The aftercare domain's follow-up plan, as the release service calls it (SHAPES14 §Aftercare): made in the confirm
 * transaction, voided with a voided release.
 */
export { createFollowUpPlan, voidFollowUpPlan } from '../aftercare/aftercareService'
